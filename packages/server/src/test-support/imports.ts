import type { ImportJob } from '@openprm/core';
import { TEST_KEYS, type TestCaller } from './fixtures.js';
import type { TestServer } from './test-server.js';

/** `POST /v1/imports` with a CSV body, as a test caller. */
export const postCsv = async (
  server: Pick<TestServer, 'app'>,
  caller: TestCaller,
  query: string,
  csv: string,
  contentType = 'text/csv',
) => {
  const response = await server.app.request(`/v1/imports?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_KEYS[caller]}`, 'content-type': contentType },
    body: csv,
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the endpoint answered.
  return { status: response.status, body: (await response.json()) as any };
};

const pause = () => new Promise((resolve) => setTimeout(resolve, 10));

/** Polls `GET /v1/imports/{id}` until the import has completed or failed. */
export const settledImport = async (server: TestServer, id: string): Promise<ImportJob> => {
  for (let attempt = 0; attempt < 30_000; attempt += 1) {
    const { status, body } = await server.call('vendor', 'GET', `/v1/imports/${id}`);
    if (status !== 200) throw new Error(`GET /v1/imports/${id} answered ${status}`);
    if (body.status === 'completed' || body.status === 'failed') return body as ImportJob;
    await pause();
  }
  throw new Error(`Import ${id} did not settle`);
};

/** Posts a file and waits for the outcome. */
export const importCsv = async (server: TestServer, query: string, csv: string) => {
  const posted = await postCsv(server, 'vendor', query, csv);
  if (posted.status !== 202)
    throw new Error(`POST answered ${posted.status}: ${JSON.stringify(posted.body)}`);
  return settledImport(server, posted.body.id);
};
