import type { Database } from './database.js';
import { initialSchema } from './migrations/001-initial.js';
import { webhooksSchema } from './migrations/002-webhooks.js';
import { importsSchema } from './migrations/003-imports.js';
import { accountTreeVersionsSchema } from './migrations/004-account-tree-versions.js';
import { openRegistrationsIndexSchema } from './migrations/005-open-registrations-index.js';

/** Ordered migrations; a migration is never edited once released, only followed by a new one. */
export const MIGRATIONS: readonly { id: string; sql: string }[] = [
  { id: '001-initial', sql: initialSchema },
  { id: '002-webhooks', sql: webhooksSchema },
  { id: '003-imports', sql: importsSchema },
  { id: '004-account-tree-versions', sql: accountTreeVersionsSchema },
  { id: '005-open-registrations-index', sql: openRegistrationsIndexSchema },
];

// Any fixed number: every instance takes the same advisory lock, so only one migrates at a time.
const MIGRATION_LOCK = 727_001;

/** Applies the migrations not yet applied, each in its own transaction; safe with many instances. */
export const migrate = async (db: Database): Promise<string[]> => {
  await db.exec(
    'create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())',
  );
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    const done = new Set(
      (await tx.query<{ id: string }>('select id from schema_migrations')).map((row) => row.id),
    );
    const applied: string[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.id)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('insert into schema_migrations (id) values ($1)', [migration.id]);
      applied.push(migration.id);
    }
    return applied;
  });
};

/**
 * Splits a migration into statements on `;` at line ends, keeping `$$ … $$` bodies whole, so
 * each runs through the parameterised query path inside the migration's transaction.
 */
export const splitStatements = (sql: string): string[] => {
  const statements: string[] = [];
  let current = '';
  let inBody = false;
  for (const line of sql.split('\n')) {
    if (line.trim().startsWith('--')) continue;
    current += `${line}\n`;
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) inBody = !inBody;
    if (!inBody && line.trimEnd().endsWith(';')) {
      statements.push(current.trim());
      current = '';
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
};
