/** The whole schema of the first release. Timestamps are timestamptz, money is numeric. */
export const initialSchema = /* sql */ `
create table settings (
  key text primary key,
  value jsonb not null
);

create table partners (
  id text primary key,
  name text not null,
  segment text not null,
  region text not null,
  countries jsonb not null default '[]',
  skills jsonb not null default '[]',
  certifications jsonb not null default '[]',
  offices jsonb not null default '[]',
  people_count integer,
  profile_updated_at timestamptz not null,
  created_at timestamptz not null
);

create table api_keys (
  id text primary key,
  key_hash text not null unique,
  name text not null,
  role text not null check (role in ('vendor_admin', 'channel_manager', 'partner_admin', 'partner_rep')),
  partner_id text references partners (id),
  demo boolean not null default false,
  created_at timestamptz not null,
  revoked_at timestamptz,
  check ((role in ('partner_admin', 'partner_rep')) = (partner_id is not null))
);

create table accounts (
  id text primary key,
  name text not null,
  normalized_name text not null,
  domain text,
  normalized_domain text,
  -- Every key the forgiving look-up may meet this account by (name:, domain:, stem:).
  lookup_keys text[] not null default '{}',
  parent_id text references accounts (id),
  -- Rules compare claims within one tree; the root is stored so a tree is one index look-up.
  root_id text not null,
  vendor_direct boolean not null default false,
  country text not null,
  region text not null,
  created_at timestamptz not null
);
create index accounts_normalized_name on accounts (normalized_name);
create index accounts_normalized_domain on accounts (normalized_domain);
create index accounts_lookup on accounts using gin (lookup_keys);
create index accounts_root on accounts (root_id);
create index accounts_parent on accounts (parent_id);

create table reservations (
  id text primary key,
  partner_id text not null references partners (id),
  account_id text not null references accounts (id),
  root_id text not null,
  region text,
  status text not null check (status in ('active', 'released', 'expired')),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  renewals integer not null default 0,
  released_at timestamptz
);
create index reservations_active_root on reservations (root_id) where status = 'active';
create index reservations_partner on reservations (partner_id, created_at);

create table registrations (
  id text primary key,
  partner_id text not null references partners (id),
  account_id text not null references accounts (id),
  root_id text not null,
  status text not null check (status in ('submitted', 'approved', 'rejected', 'won', 'lost', 'expired', 'withdrawn')),
  products jsonb not null,
  amount numeric(16, 2) not null,
  currency text not null,
  expected_close_date date not null,
  notes text,
  submitted_at timestamptz not null,
  decision_due_at timestamptz not null,
  sla_breached boolean not null default false,
  approved_at timestamptz,
  expires_at timestamptz,
  margin_benefit_pct numeric(5, 2),
  rejection jsonb,
  closed_at timestamptz,
  -- The vendor's full view of the conflicts; partners get the disclosed part of it.
  conflicts jsonb not null default '[]',
  warnings_sent jsonb not null default '[]',
  escalated_at timestamptz,
  created_by text not null
);
create index registrations_partner on registrations (partner_id, submitted_at);
create index registrations_root on registrations (root_id);
create index registrations_queue on registrations (status, sla_breached, decision_due_at);

create table registration_extensions (
  id text primary key,
  -- Insertion order: request times can tie and ids are random.
  seq bigserial not null,
  registration_id text not null references registrations (id),
  requested_at timestamptz not null,
  justification text not null,
  days integer not null,
  status text not null check (status in ('requested', 'approved', 'rejected')),
  decided_at timestamptz,
  decision_reason text
);
create index registration_extensions_registration on registration_extensions (registration_id, seq);

create table registration_comments (
  id text primary key,
  -- Insertion order: the conversation reads as written even when timestamps tie.
  seq bigserial not null,
  registration_id text not null references registrations (id),
  at timestamptz not null,
  author jsonb not null,
  kind text not null check (kind in ('comment', 'escalation')),
  body text not null
);
create index registration_comments_registration on registration_comments (registration_id, seq);

create table audit_events (
  id text primary key,
  seq bigserial not null,
  subject_type text not null,
  subject_id text not null,
  partner_id text,
  at timestamptz not null,
  actor jsonb not null,
  action text not null,
  from_status text,
  to_status text,
  data jsonb
);
create index audit_events_subject on audit_events (subject_type, subject_id, seq);

-- The audit trail is append-only: the database itself refuses to change or remove a row.
create function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'P0001';
end
$$;
create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function refuse_change();

create table objectives (
  id text primary key,
  name text not null,
  metric text not null,
  period_from date not null,
  period_to date not null,
  direction text not null,
  thresholds jsonb not null,
  unit text,
  default_target numeric,
  created_at timestamptz not null
);

create table targets (
  objective_id text not null references objectives (id),
  partner_id text not null references partners (id),
  account_id text not null default '',
  value numeric not null,
  primary key (objective_id, partner_id, account_id)
);

create table metrics (
  id bigserial primary key,
  partner_id text not null references partners (id),
  metric text not null,
  value numeric not null,
  on_date date not null,
  account_id text,
  source text
);
create index metrics_partner on metrics (partner_id, metric, on_date);

create table contracts (
  id text primary key,
  title text not null,
  kind text not null,
  gates jsonb not null default '[]',
  current_version integer,
  created_at timestamptz not null
);

create table contract_versions (
  contract_id text not null references contracts (id),
  version integer not null,
  content text not null,
  hash text not null,
  requires_reacceptance boolean not null,
  published_at timestamptz not null,
  primary key (contract_id, version)
);

create table acceptances (
  id text primary key,
  contract_id text not null,
  version integer not null,
  hash text not null,
  user_id text not null,
  partner_id text not null references partners (id),
  accepted_at timestamptz not null,
  client_info jsonb not null default '{}',
  unique (contract_id, version, partner_id),
  foreign key (contract_id, version) references contract_versions (contract_id, version)
);
create trigger acceptances_append_only before update or delete on acceptances
  for each row execute function refuse_change();

create table idempotency_keys (
  principal text not null,
  key text not null,
  endpoint text not null,
  request_hash text not null,
  status integer not null,
  body jsonb not null,
  created_at timestamptz not null,
  primary key (principal, key)
);

-- Outbox: every state change writes its event in the same transaction.
create table events (
  seq bigserial primary key,
  id text not null unique,
  type text not null,
  at timestamptz not null,
  partner_id text,
  subject_type text not null,
  subject_id text not null,
  data jsonb not null
);
`;
