/** `openprm import --url`: the file goes to a running server's `POST /v1/imports`. */
import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import type { ImportJob } from '@openprm/core';
import { CliError } from './io.js';
import type { ProgressUpdate } from './progress-bar.js';

const COMMAND = 'import';
const POLL_MS = 500;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The server's problem detail, or the status when the answer is no problem+json. */
const refusal = async (response: Response, what: string) => {
  const text = await response.text();
  let detail = `HTTP ${response.status}`;
  try {
    const problem = JSON.parse(text) as {
      detail?: string;
      errors?: { path: string; message: string }[];
    };
    detail = [problem.detail, ...(problem.errors ?? []).map((e) => `${e.path}: ${e.message}`)]
      .filter(Boolean)
      .join(' ');
  } catch {
    // not JSON: the status says enough
  }
  return new CliError(`${what} was refused (${response.status}): ${detail}`, COMMAND);
};

export const importRemotely = async (
  options: { url: string; key: string; file: string; type: string; dryRun: boolean },
  onProgress: (update: ProgressUpdate) => void,
): Promise<ImportJob> => {
  let base: URL;
  try {
    base = new URL(options.url);
  } catch {
    throw new CliError(`Invalid --url "${options.url}": use e.g. http://localhost:8787.`, COMMAND);
  }
  const headers = { authorization: `Bearer ${options.key}` };
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.byteLength;
      onProgress({ phase: 'uploading', rows: 0, bytes: sent });
      done(null, chunk);
    },
  });
  const body = Readable.toWeb(createReadStream(options.file).pipe(counter)) as ReadableStream;
  const query = new URLSearchParams({
    type: options.type,
    ...(options.dryRun ? { dryRun: 'true' } : {}),
  });
  const posted = await fetch(new URL(`/v1/imports?${query}`, base), {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body,
    duplex: 'half',
  } as RequestInit).catch((error: unknown) => {
    throw new CliError(
      `Cannot reach ${base.origin}: ${error instanceof Error ? error.message : String(error)}`,
      COMMAND,
    );
  });
  if (posted.status !== 202) throw await refusal(posted, 'The import');
  let job = (await posted.json()) as ImportJob;
  while (job.status !== 'completed' && job.status !== 'failed') {
    await pause(POLL_MS);
    const polled = await fetch(new URL(`/v1/imports/${encodeURIComponent(job.id)}`, base), {
      headers,
    });
    if (polled.status !== 200) throw await refusal(polled, 'Reading the import');
    job = (await polled.json()) as ImportJob;
    onProgress({ phase: job.status, rows: job.rowsProcessed, bytes: null });
  }
  return job;
};
