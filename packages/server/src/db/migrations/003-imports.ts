/** CSV imports: one row per import, its progress and its first errors (the report). */
export const importsSchema = /* sql */ `
create table imports (
  id text primary key,
  type text not null check (type in ('accounts', 'partners', 'metrics')),
  status text not null check (status in ('validating', 'committing', 'completed', 'failed')),
  dry_run boolean not null,
  created_by jsonb not null,
  created_at timestamptz not null,
  completed_at timestamptz,
  rows_processed integer not null default 0,
  rows_failed integer not null default 0,
  rows_committed integer not null default 0,
  -- The first errors only (the cap keeps a row small); error_count counts them all.
  errors jsonb not null default '[]',
  error_count integer not null default 0
);
`;
