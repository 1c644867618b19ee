/** `openprm webhooks deliveries`: the delivery log, for finding out why a receiver got nothing. */
import { parseArgs } from 'node:util';
import { migrate } from '../db/migrate.js';
import { type DeliveryLogRow, listDeliveryLog } from '../queries/webhook-deliveries.js';
import { DATABASE_ARGS, databaseTarget, withDatabase } from './database.js';
import { CliError, type CliIo } from './io.js';

const COMMAND = 'webhooks deliveries';
const STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;

export const WEBHOOKS_HELP = `Usage: openprm webhooks deliveries [--webhook ID] [--status STATUS] [--limit N] [database options]

Lists webhook deliveries, newest first: the event, its status, the number of attempts and the
last attempt's answer (HTTP status or error) or when it was delivered. Never shows secrets.

Options:
  --webhook ID     Only this webhook's deliveries (whk_…)
  --status STATUS  pending | delivered | failed | cancelled
  --limit N        At most N rows, 1 to 1000 (default: 50)
  --help           Show this help

Database options: --database-url URL or --data-dir DIR, as for "openprm serve".

Example:
  openprm webhooks deliveries --status failed`;

const parseLimit = (text: string | undefined) => {
  if (text === undefined) return 50;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new CliError(`--limit must be a whole number from 1 to 1000, not "${text}".`, COMMAND);
  }
  return limit;
};

const outcome = (row: DeliveryLogRow) => {
  if (row.delivered_at) return `delivered ${row.delivered_at.toISOString()}`;
  const answer =
    row.last_error ?? (row.last_response_status ? `HTTP ${row.last_response_status}` : '');
  if (row.status === 'pending')
    return `${answer}${answer ? '; ' : ''}next ${row.next_attempt_at.toISOString()}`;
  return answer;
};

/** Columns padded to their widest cell; the last one runs free. */
const table = (rows: string[][]) => {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  return rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
        )
        .join('  '),
    )
    .join('\n');
};

export const webhooksCommand = async (args: string[], io: CliIo): Promise<number> => {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === '--help' || sub === 'help') {
    io.out(WEBHOOKS_HELP);
    return 0;
  }
  if (sub !== 'deliveries') throw new CliError(`Unknown webhooks command "${sub}".`, COMMAND);
  const { values } = parseArgs({
    args: rest,
    options: {
      ...DATABASE_ARGS,
      webhook: { type: 'string' },
      status: { type: 'string' },
      limit: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    io.out(WEBHOOKS_HELP);
    return 0;
  }
  const { status } = values;
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status)) {
    throw new CliError(`Unknown status "${status}": use one of ${STATUSES.join(', ')}.`, COMMAND);
  }
  const limit = parseLimit(values.limit);
  const target = databaseTarget(values, io, COMMAND);
  const rows = await withDatabase(target, async (db) => {
    await migrate(db);
    return listDeliveryLog(db, {
      webhookId: values.webhook ?? null,
      status: status ?? null,
      limit,
    });
  });
  if (rows.length === 0) {
    io.err('No deliveries match.');
    return 0;
  }
  io.out(
    table([
      ['DELIVERY', 'WEBHOOK', 'EVENT', 'TYPE', 'STATUS', 'ATTEMPTS', 'LAST OUTCOME'],
      ...rows.map((row) => [
        row.id,
        row.webhook_id,
        row.event_id,
        row.event_type,
        row.status,
        String(row.attempts),
        outcome(row),
      ]),
    ]),
  );
  return 0;
};
