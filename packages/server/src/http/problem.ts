/** The server throws the contract's problems; `app.onError` turns them into responses. */
export { fromRefusal, invalid, notFound, ProblemError } from '@openprm/core';
