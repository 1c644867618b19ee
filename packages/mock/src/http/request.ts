import type { EndpointDefinition } from '@openprm/core';
import { MockProblem } from './problem.js';
import { parsePart } from './validate.js';

/** An empty body reads as `{}`, so endpoints whose fields are all optional need none. */
const readJsonBody = async (request: Request): Promise<unknown> => {
  const text = await request.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new MockProblem('invalid_request', 'The request body is not valid JSON.', {
      errors: [{ path: '', message: 'Malformed JSON' }],
    });
  }
};

/** Params, query and body parsed with the endpoint's contract schemas (400 with errors[] if not). */
export const parseRequest = async (
  endpoint: EndpointDefinition,
  request: Request,
  rawParams: unknown,
) => ({
  params: parsePart(endpoint.params, rawParams, 'params'),
  query: parsePart(endpoint.query, Object.fromEntries(new URL(request.url).searchParams), 'query'),
  body: endpoint.body ? parsePart(endpoint.body, await readJsonBody(request), 'body') : undefined,
});
