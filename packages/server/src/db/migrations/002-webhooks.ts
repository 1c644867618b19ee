/** Webhook subscriptions, their deliveries (one per webhook and event) and every attempt. */
export const webhooksSchema = /* sql */ `
create table webhooks (
  id text primary key,
  url text not null,
  event_types text[] not null,
  -- Kept as written, not hashed: the server must compute HMAC-SHA256 with it for every delivery,
  -- and a hash cannot sign. Anyone who can read this table can forge deliveries; protect backups.
  secret text not null,
  -- Only events after this outbox position are delivered: a new webhook gets no history.
  from_seq bigint not null,
  created_at timestamptz not null,
  deleted_at timestamptz
);

create table webhook_deliveries (
  id text primary key,
  webhook_id text not null references webhooks (id),
  event_id text not null references events (id),
  event_seq bigint not null,
  status text not null check (status in ('pending', 'delivered', 'failed', 'cancelled')),
  attempts integer not null default 0,
  -- For a pending delivery: when it is due; while an attempt is running, when its lease ends.
  next_attempt_at timestamptz not null,
  last_attempt_at timestamptz,
  last_response_status integer,
  last_error text,
  delivered_at timestamptz,
  created_at timestamptz not null,
  -- Fan-out may meet an event twice (a rescan after a gap, two instances): one delivery still.
  unique (webhook_id, event_id)
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';

-- The delivery log: one row per attempt, whatever its outcome.
create table webhook_delivery_attempts (
  delivery_id text not null references webhook_deliveries (id),
  attempt integer not null,
  at timestamptz not null,
  response_status integer,
  error text,
  duration_ms integer not null,
  primary key (delivery_id, attempt)
);
`;
