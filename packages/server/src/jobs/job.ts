import type { ProgramSettings } from '@openprm/core';
import type { ServerContext } from '../context.js';
import type { Queryable } from '../db/database.js';

/** What a job's batch sees: the transaction, the program settings and one `now` for the run. */
export interface JobInput {
  tx: Queryable;
  settings: ProgramSettings;
  now: Date;
  /** Keyset cursor: only rows with a greater id, so a batch never revisits the previous one. */
  afterId: string;
  limit: number;
}

export interface BatchResult {
  /** Rows claimed (locked) by the batch; fewer than `limit` means the job is done for now. */
  claimed: number;
  /** Rows the rule changed: each wrote its event (and audit row). */
  changed: number;
  /** The greatest id claimed: where the next batch starts. */
  lastId: string | null;
}

/** A time-driven rule: claims due rows with `for update skip locked`, asks core, writes. */
export interface Job {
  name: string;
  /** The advisory lock that makes this job run on one instance at a time. */
  lockId: number;
  runBatch(input: JobInput): Promise<BatchResult>;
}

export interface JobOutcome {
  /** True when another instance held the job's lock: it is doing the work, so this one skipped. */
  skipped: boolean;
  changed: number;
}

export const BATCH_SIZE = 500;

/**
 * Runs a job to completion, batch by batch, each batch in one transaction guarded by
 * `pg_try_advisory_xact_lock`: while one instance works, the others skip instead of queueing
 * behind it (the next tick picks up whatever is left). The lock is transaction-scoped, so a
 * crashed instance never leaves it held. Rows are claimed with `for update skip locked`, so a
 * request holding a row (an approval in flight) is never waited for: the row is simply taken
 * by a later run if it is still due then.
 */
export const runJob = async (
  context: ServerContext,
  job: Job,
  now: Date,
  limit = BATCH_SIZE,
): Promise<JobOutcome> => {
  let afterId = '';
  let changed = 0;
  for (;;) {
    const batch = await context.db.transaction(async (tx) => {
      const [lock] = await tx.query<{ locked: boolean }>(
        'select pg_try_advisory_xact_lock($1::bigint) as locked',
        [job.lockId],
      );
      if (!lock?.locked) return null;
      return job.runBatch({ tx, settings: context.settings, now, afterId, limit });
    });
    if (batch === null) return { skipped: afterId === '', changed };
    changed += batch.changed;
    if (batch.claimed < limit || batch.lastId === null) return { skipped: false, changed };
    afterId = batch.lastId;
  }
};
