import {
  type Acceptance,
  type AcceptanceReport,
  type AcceptContractInput,
  acceptanceStatus,
  type Contract,
  type ContractVersion,
  type CreateContractInput,
  decideAcceptance,
  hashContractContent,
  type PublishVersionInput,
} from '@openprm/core';
import { newId } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import { actorOf, type Principal } from '../http/principal.js';
import { fromRefusal, notFound, ProblemError } from '../http/problem.js';
import {
  acceptancesOfContract,
  acceptancesOfPartner,
  allContracts,
  findContractRow,
  findContractVersion,
  insertAcceptance,
  insertContract,
  insertContractVersion,
  listAcceptancesOfVersion,
  partnerNames,
  setCurrentVersion,
  toAcceptance,
  toContract,
  toContractVersion,
} from '../queries/contracts.js';
import { DEFAULT_PAGE_SIZE, decodeInstantIdCursor, encodeCursor } from '../queries/rows.js';
import { pendingContractsOf } from './contract-gate.js';
import { recordAudit, recordEvent } from './outbox.js';

export const listContractsService = async (tx: Queryable) => ({ data: await allContracts(tx) });

export const createContractService = async (
  tx: Queryable,
  principal: Principal,
  input: CreateContractInput,
  now: Date,
): Promise<Contract> => {
  const contract = toContract(
    await insertContract(tx, {
      id: newId('ctr'),
      title: input.title,
      kind: input.kind,
      // Deduplicated: a gate listed twice is still one gate.
      gates: [...new Set(input.gates ?? [])],
      createdAt: now,
    }),
  );
  const subject = { type: 'contract', id: contract.id };
  await recordAudit(tx, {
    subject,
    partnerId: null,
    at: now,
    actor: actorOf(principal),
    action: 'contract.created',
  });
  await recordEvent(tx, {
    type: 'contract.created',
    at: now,
    partnerId: null,
    subject,
    data: { contract },
  });
  return contract;
};

/**
 * Publishes the next version under a lock on the contract, so concurrent publishes get
 * consecutive numbers. The hash is computed here from the stored text, never taken from the client.
 */
export const publishVersionService = async (
  tx: Queryable,
  principal: Principal,
  contractId: string,
  input: PublishVersionInput,
  now: Date,
): Promise<ContractVersion> => {
  const contract = await findContractRow(tx, contractId, 'update');
  if (!contract) throw notFound(`Contract ${contractId}`);
  const next = (contract.current_version ?? 0) + 1;
  const version = toContractVersion(
    await insertContractVersion(tx, {
      contractId,
      version: next,
      content: input.content,
      hash: await hashContractContent(input.content),
      requiresReacceptance: input.requiresReacceptance ?? true,
      publishedAt: now,
    }),
  );
  await setCurrentVersion(tx, contractId, next);
  const subject = { type: 'contract', id: contractId };
  await recordAudit(tx, {
    subject,
    partnerId: null,
    at: now,
    actor: actorOf(principal),
    action: 'contract.version_published',
    data: { version: next, hash: version.hash, requiresReacceptance: version.requiresReacceptance },
  });
  // The event carries the hash and flags, not the text: subscribers fetch the text when they need it.
  const { content: _content, ...summary } = version;
  await recordEvent(tx, {
    type: 'contract.version_published',
    at: now,
    partnerId: null,
    subject,
    data: { version: summary, title: contract.title },
  });
  return version;
};

const partnerOf = (principal: Principal): string => {
  // The contract lets only partner roles in here; a partner principal always has a partner.
  if (principal.partnerId === null) {
    throw new ProblemError('forbidden', 'Only partner users have contracts to accept.');
  }
  return principal.partnerId;
};

export const pendingContractsService = async (tx: Queryable, principal: Principal) => ({
  data: await pendingContractsOf(tx, partnerOf(principal)),
});

/**
 * Records the partner's explicit acceptance of the current version of a contract, confirmed by
 * the hash of the text the user read. Accepting the same version again returns the first receipt.
 */
export const acceptContractService = async (
  tx: Queryable,
  principal: Principal,
  params: { id: string; version: number },
  input: AcceptContractInput,
  client: Acceptance['clientInfo'],
  now: Date,
): Promise<Acceptance> => {
  const partnerId = partnerOf(principal);
  // A shared lock: many partners accept at once, while a publish waits for them (and vice versa).
  const contract = await findContractRow(tx, params.id, 'share');
  if (!contract) throw notFound(`Contract ${params.id}`);
  const version = await findContractVersion(tx, params.id, params.version);
  if (!version) throw notFound(`Version ${params.version} of contract ${params.id}`);
  const decision = decideAcceptance({
    contract: { id: contract.id, title: contract.title },
    version,
    currentVersion: contract.current_version,
    input,
    existing: await acceptancesOfPartner(tx, partnerId),
    partnerId,
    userId: principal.id,
    now,
    clientInfo: client,
  });
  if (!decision.ok) throw fromRefusal(decision);
  if (!decision.value.created) return decision.value.acceptance;
  const row = await insertAcceptance(tx, { id: newId('acp'), ...decision.value.acceptance });
  const acceptance = toAcceptance(row);
  await recordEvent(tx, {
    type: 'contract.accepted',
    at: now,
    partnerId,
    subject: { type: 'contract', id: contract.id },
    data: { acceptance },
  });
  return acceptance;
};

/**
 * The vendor's report for one version (the current one by default): its acceptances, paged,
 * and the partners for whom that version is still outstanding, as the core rule decides.
 */
export const acceptanceReportService = async (
  tx: Queryable,
  contractId: string,
  query: { version?: number | undefined; cursor?: string | undefined; limit?: number | undefined },
): Promise<AcceptanceReport> => {
  const row = await findContractRow(tx, contractId);
  if (!row) throw notFound(`Contract ${contractId}`);
  const versionNumber = query.version ?? row.current_version;
  if (versionNumber === null) {
    return { contractId, version: null, data: [], nextCursor: null, notAccepted: [] };
  }
  const version = await findContractVersion(tx, contractId, versionNumber);
  if (!version) throw notFound(`Version ${versionNumber} of contract ${contractId}`);
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  const after = decodeInstantIdCursor(query.cursor);
  const rows = await listAcceptancesOfVersion(tx, {
    contractId,
    version: versionNumber,
    after,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  // Asked about an older version: the rule answers as if it were current.
  const status = acceptanceStatus({
    contract: { ...toContract(row), currentVersion: versionNumber },
    versions: [version],
    partners: await partnerNames(tx),
    acceptances: await acceptancesOfContract(tx, contractId),
  });
  return {
    contractId,
    version: versionNumber,
    data: page.map(toAcceptance),
    nextCursor:
      rows.length > limit && last ? encodeCursor([last.accepted_at.toISOString(), last.id]) : null,
    notAccepted: status.outstanding.map((partner) => ({
      partnerId: partner.id,
      partnerName: partner.name,
    })),
  };
};
