/**
 * Writes a built demo world in one transaction, one statement per table: each table's rows go
 * in as one JSON parameter expanded by `jsonb_populate_recordset`, which is what keeps seeding
 * fast on PGlite. Rows keep their order, so serial columns (`audit_events.seq`) follow time.
 */
import { accountKeys, normalizeAccountName, normalizeDomain } from '@openprm/core';
import { sha256Hex } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import type { DemoWorld } from './build.js';

type Row = Record<string, unknown>;

/** Inserts rows whose keys are column names; values are JSON (objects stay jsonb). */
export const insertRows = async (tx: Queryable, table: string, rows: readonly Row[]) => {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first).join(', ');
  await tx.query(
    `insert into ${table} (${columns})
     select ${columns} from jsonb_populate_recordset(null::${table}, $1::jsonb) with ordinality as r
     order by r.ordinality`,
    [JSON.stringify(rows)],
  );
};

const accountRows = (world: DemoWorld): Row[] =>
  world.accounts.map((a) => ({
    id: a.id,
    name: a.name,
    normalized_name: normalizeAccountName(a.name),
    domain: a.domain,
    normalized_domain: a.domain ? normalizeDomain(a.domain) : null,
    lookup_keys: [...accountKeys({ name: a.name, ...(a.domain ? { domain: a.domain } : {}) })],
    parent_id: a.parentId,
    root_id: a.rootId,
    vendor_direct: a.vendorDirect,
    country: a.country,
    region: a.region,
    created_at: a.createdAt,
  }));

const registrationRows = (world: DemoWorld): Row[] =>
  world.registrations.map((r) => ({
    id: r.id,
    partner_id: r.partnerId,
    account_id: r.accountId,
    root_id: r.rootId,
    status: r.status,
    products: r.products,
    amount: r.amount,
    currency: r.currency,
    expected_close_date: r.expectedCloseDate,
    notes: r.notes,
    submitted_at: r.submittedAt,
    decision_due_at: r.decisionDueAt,
    sla_breached: r.slaBreached,
    approved_at: r.approvedAt,
    expires_at: r.expiresAt,
    margin_benefit_pct: r.marginBenefitPct,
    rejection: r.rejection,
    closed_at: r.closedAt,
    conflicts: r.conflicts,
    warnings_sent: r.warningsSent,
    escalated_at: r.escalatedAt,
    created_by: r.createdBy,
  }));

/** Every table the demo fills, in foreign-key order. */
export const demoRows = (world: DemoWorld): [table: string, rows: Row[]][] => [
  [
    'partners',
    world.partners.map((p) => ({
      id: p.id,
      name: p.name,
      segment: p.segment,
      region: p.region,
      countries: p.countries,
      skills: p.skills,
      certifications: p.certifications,
      offices: p.offices,
      people_count: p.peopleCount,
      profile_updated_at: p.profileUpdatedAt,
      created_at: p.createdAt,
    })),
  ],
  [
    'api_keys',
    world.keys.map((k) => ({
      id: k.id,
      key_hash: sha256Hex(k.key),
      name: k.name,
      role: k.role,
      partner_id: k.partnerId,
      demo: true,
      created_at: world.now,
    })),
  ],
  ['accounts', accountRows(world)],
  [
    'reservations',
    world.reservations.map((r) => ({
      id: r.id,
      partner_id: r.partnerId,
      account_id: r.accountId,
      root_id: r.rootId,
      region: r.region,
      status: r.status,
      created_at: r.createdAt,
      expires_at: r.expiresAt,
      renewals: r.renewals,
      released_at: r.releasedAt,
    })),
  ],
  ['registrations', registrationRows(world)],
  [
    'registration_extensions',
    world.extensions.map((e) => ({
      id: e.id,
      registration_id: e.registrationId,
      requested_at: e.requestedAt,
      justification: e.justification,
      days: e.days,
      status: e.status,
      decided_at: e.decidedAt,
      decision_reason: e.decisionReason,
    })),
  ],
  [
    'registration_comments',
    world.comments.map((c) => ({
      id: c.id,
      registration_id: c.registrationId,
      at: c.at,
      author: c.author,
      kind: c.kind,
      body: c.body,
    })),
  ],
  [
    'audit_events',
    world.audits.map((a) => ({
      id: a.id,
      subject_type: a.subjectType,
      subject_id: a.subjectId,
      partner_id: a.partnerId,
      at: a.at,
      actor: a.actor,
      action: a.action,
      from_status: a.from,
      to_status: a.to,
      data: a.data,
    })),
  ],
  [
    'contracts',
    world.contracts.contracts.map((c) => ({
      id: c.id,
      title: c.title,
      kind: c.kind,
      gates: c.gates,
      current_version: c.currentVersion,
      created_at: c.createdAt,
    })),
  ],
  [
    'contract_versions',
    world.contracts.versions.map((v) => ({
      contract_id: v.contractId,
      version: v.version,
      content: v.content,
      hash: v.hash,
      requires_reacceptance: v.requiresReacceptance,
      published_at: v.publishedAt,
    })),
  ],
  [
    'acceptances',
    world.contracts.acceptances.map((a) => ({
      id: a.id,
      contract_id: a.contractId,
      version: a.version,
      hash: a.hash,
      user_id: a.userId,
      partner_id: a.partnerId,
      accepted_at: a.acceptedAt,
      client_info: {},
    })),
  ],
  [
    'objectives',
    world.scorecards.objectives.map((o) => ({
      id: o.id,
      name: o.name,
      metric: o.metric,
      period_from: o.period.from,
      period_to: o.period.to,
      direction: o.direction,
      thresholds: o.thresholds,
      unit: o.unit ?? null,
      default_target: o.defaultTarget ?? null,
      created_at: o.createdAt,
    })),
  ],
  [
    'targets',
    world.scorecards.targets.map((t) => ({
      objective_id: t.objectiveId,
      partner_id: t.partnerId,
      account_id: '',
      value: t.value,
    })),
  ],
  [
    'metrics',
    world.scorecards.metrics.map((m) => ({
      partner_id: m.partnerId,
      metric: m.metric,
      value: m.value,
      on_date: m.on,
      account_id: null,
      source: m.source,
    })),
  ],
];

export const writeDemoWorld = async (tx: Queryable, world: DemoWorld) => {
  const counts: Record<string, number> = {};
  for (const [table, rows] of demoRows(world)) {
    await insertRows(tx, table, rows);
    counts[table] = rows.length;
  }
  return counts;
};
