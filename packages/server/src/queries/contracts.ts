import type { Acceptance, Contract, ContractVersion } from '@openprm/core';
import type { Queryable } from '../db/database.js';
import { iso } from './rows.js';

export interface ContractRow {
  id: string;
  title: string;
  kind: Contract['kind'];
  gates: Contract['gates'];
  current_version: number | null;
  created_at: Date;
}

export interface ContractVersionRow {
  contract_id: string;
  version: number;
  content: string;
  hash: string;
  requires_reacceptance: boolean;
  published_at: Date;
}

export interface AcceptanceRow {
  id: string;
  contract_id: string;
  version: number;
  hash: string;
  user_id: string;
  partner_id: string;
  accepted_at: Date;
  client_info: Acceptance['clientInfo'];
}

export const toContract = (row: ContractRow): Contract => ({
  id: row.id,
  title: row.title,
  kind: row.kind,
  gates: row.gates,
  currentVersion: row.current_version,
  createdAt: iso(row.created_at),
});

export const toContractVersion = (row: ContractVersionRow): ContractVersion => ({
  contractId: row.contract_id,
  version: row.version,
  content: row.content,
  hash: row.hash,
  requiresReacceptance: row.requires_reacceptance,
  publishedAt: iso(row.published_at),
});

export const toAcceptance = (row: AcceptanceRow): Acceptance => ({
  id: row.id,
  contractId: row.contract_id,
  version: row.version,
  hash: row.hash,
  userId: row.user_id,
  partnerId: row.partner_id,
  acceptedAt: iso(row.accepted_at),
  clientInfo: row.client_info,
});

/**
 * Everything the contract gate looks at, as JSON columns of one select: all contracts, their
 * current versions and the acceptances of the partners `partnerCondition` (SQL on `x.partner_id`)
 * names, ordered as the queries below.
 */
export const gateFactsColumns = (partnerCondition: string) => `
  (select json_agg(c order by c.created_at, c.id) from contracts c) as contracts,
  (select json_agg(v) from contract_versions v join contracts c
     on c.id = v.contract_id and c.current_version = v.version) as versions,
  (select json_agg(x order by x.accepted_at) from acceptances x where ${partnerCondition}) as acceptances`;

export interface GateFactsRow {
  contracts: ContractRow[] | null;
  versions: ContractVersionRow[] | null;
  acceptances: AcceptanceRow[] | null;
}

export const toGateFacts = (row: GateFactsRow | undefined) => ({
  contracts: (row?.contracts ?? []).map(toContract),
  versions: (row?.versions ?? []).map(toContractVersion),
  acceptances: (row?.acceptances ?? []).map(toAcceptance),
});

/** The contract gate's facts for one partner in one round trip. */
export const gateFactsOfPartner = async (db: Queryable, partnerId: string) =>
  toGateFacts(
    (
      await db.query<GateFactsRow>(`select ${gateFactsColumns('x.partner_id = $1')}`, [partnerId])
    )[0],
  );

export const allContracts = async (db: Queryable) =>
  (await db.query<ContractRow>('select * from contracts order by created_at, id')).map(toContract);

export const acceptancesOfPartner = async (db: Queryable, partnerId: string) =>
  (
    await db.query<AcceptanceRow>(
      'select * from acceptances where partner_id = $1 order by accepted_at',
      [partnerId],
    )
  ).map(toAcceptance);

export const findContractRow = async (db: Queryable, id: string, lock?: 'share' | 'update') =>
  (
    await db.query<ContractRow>(
      `select * from contracts where id = $1${lock ? ` for ${lock}` : ''}`,
      [id],
    )
  )[0] ?? null;

export const insertContract = async (
  db: Queryable,
  c: {
    id: string;
    title: string;
    kind: Contract['kind'];
    gates: Contract['gates'];
    createdAt: Date;
  },
) =>
  (
    await db.query<ContractRow>(
      `insert into contracts (id, title, kind, gates, current_version, created_at)
       values ($1, $2, $3, $4, null, $5) returning *`,
      [c.id, c.title, c.kind, JSON.stringify(c.gates), c.createdAt],
    )
  )[0] as ContractRow;

export const insertContractVersion = async (
  db: Queryable,
  v: {
    contractId: string;
    version: number;
    content: string;
    hash: string;
    requiresReacceptance: boolean;
    publishedAt: Date;
  },
) =>
  (
    await db.query<ContractVersionRow>(
      `insert into contract_versions (contract_id, version, content, hash, requires_reacceptance, published_at)
       values ($1, $2, $3, $4, $5, $6) returning *`,
      [v.contractId, v.version, v.content, v.hash, v.requiresReacceptance, v.publishedAt],
    )
  )[0] as ContractVersionRow;

export const setCurrentVersion = async (db: Queryable, contractId: string, version: number) =>
  (
    await db.query<ContractRow>(
      'update contracts set current_version = $2 where id = $1 returning *',
      [contractId, version],
    )
  )[0] as ContractRow;

export const findContractVersion = async (db: Queryable, contractId: string, version: number) => {
  const [row] = await db.query<ContractVersionRow>(
    'select * from contract_versions where contract_id = $1 and version = $2',
    [contractId, version],
  );
  return row ? toContractVersion(row) : null;
};

export const acceptancesOfContract = async (db: Queryable, contractId: string) =>
  (
    await db.query<AcceptanceRow>(
      'select * from acceptances where contract_id = $1 order by accepted_at, id',
      [contractId],
    )
  ).map(toAcceptance);

/** Acceptances of one version, oldest first, after the `(accepted_at, id)` cursor. */
export const listAcceptancesOfVersion = (
  db: Queryable,
  filter: { contractId: string; version: number; after: [string, string] | null; limit: number },
) =>
  db.query<AcceptanceRow>(
    `select * from acceptances
     where contract_id = $1 and version = $2
       and ($3::timestamptz is null or (accepted_at, id) > ($3::timestamptz, $4::text))
     order by accepted_at, id limit $5`,
    [
      filter.contractId,
      filter.version,
      filter.after?.[0] ?? null,
      filter.after?.[1] ?? null,
      filter.limit,
    ],
  );

/**
 * Stores an acceptance once per (contract, version, partner): a concurrent duplicate inserts
 * nothing and gets the row that won, so a double click never answers 500.
 */
export const insertAcceptance = async (db: Queryable, a: Acceptance): Promise<AcceptanceRow> => {
  const [inserted] = await db.query<AcceptanceRow>(
    `insert into acceptances (id, contract_id, version, hash, user_id, partner_id, accepted_at, client_info)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (contract_id, version, partner_id) do nothing returning *`,
    [
      a.id,
      a.contractId,
      a.version,
      a.hash,
      a.userId,
      a.partnerId,
      a.acceptedAt,
      JSON.stringify(a.clientInfo),
    ],
  );
  if (inserted) return inserted;
  const [existing] = await db.query<AcceptanceRow>(
    'select * from acceptances where contract_id = $1 and version = $2 and partner_id = $3',
    [a.contractId, a.version, a.partnerId],
  );
  return existing as AcceptanceRow;
};

/** Every partner, for the vendor's "who has not accepted yet" report. */
export const partnerNames = (db: Queryable) =>
  db.query<{ id: string; name: string }>('select id, name from partners order by name, id');
