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

export const allContracts = async (db: Queryable) =>
  (await db.query<ContractRow>('select * from contracts order by created_at, id')).map(toContract);

/** The current version of every contract that has one. */
export const currentVersions = async (db: Queryable) =>
  (
    await db.query<ContractVersionRow>(
      `select v.* from contract_versions v join contracts c
         on c.id = v.contract_id and c.current_version = v.version`,
    )
  ).map(toContractVersion);

export const acceptancesOfPartner = async (db: Queryable, partnerId: string) =>
  (
    await db.query<AcceptanceRow>(
      'select * from acceptances where partner_id = $1 order by accepted_at',
      [partnerId],
    )
  ).map(toAcceptance);
