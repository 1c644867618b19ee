/** `openprm migrate` and `openprm seed`: one-off commands against the database. */
import { parseArgs } from 'node:util';
import { migrate } from '../db/migrate.js';
import { seedDemo } from '../demo/seed.js';
import { createServer } from '../server.js';
import { DATABASE_ARGS, databaseTarget, describeTarget, withDatabase } from './database.js';
import { HELP } from './help.js';
import type { CliIo } from './io.js';

const parse = (args: string[]) =>
  parseArgs({
    args,
    options: { ...DATABASE_ARGS, help: { type: 'boolean', default: false } },
    strict: true,
  }).values;

export const migrateCommand = async (args: string[], io: CliIo): Promise<number> => {
  const values = parse(args);
  if (values.help) {
    io.out(HELP.migrate);
    return 0;
  }
  const target = databaseTarget(values, io, 'migrate');
  const applied = await withDatabase(target, migrate);
  io.out(
    applied.length === 0
      ? `${describeTarget(target)} is up to date.`
      : `Applied ${applied.join(', ')} to ${describeTarget(target)}.`,
  );
  return 0;
};

export const seedCommand = async (args: string[], io: CliIo): Promise<number> => {
  const values = parse(args);
  if (values.help) {
    io.out(HELP.seed);
    return 0;
  }
  const target = databaseTarget(values, io, 'seed');
  const result = await withDatabase(target, async (db) => {
    // The server migrates and loads the program's settings, which the demo's rules follow.
    const server = await createServer({ database: db, jobs: false });
    return seedDemo(db, { settings: server.context.settings });
  });
  if (!result.seeded) {
    io.out(`The demo data is already in ${describeTarget(target)} (seeded ${result.seededAt}).`);
    return 0;
  }
  const { partners, accounts, registrations } = result.counts;
  io.out(
    `Seeded ${describeTarget(target)}: ${partners} partners, ${accounts} accounts, ${registrations} registrations.`,
  );
  io.err('The demo keys work only on a server started with "openprm serve --demo".');
  return 0;
};
