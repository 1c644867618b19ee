import {
  decideSubmission,
  findConflicts,
  type ProgramSettings,
  pendingContracts,
  type Registration,
  type SubmitRegistrationInput,
} from '@openprm/core';
import { newId } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import { actingPartner, actorOf, type Principal } from '../http/principal.js';
import { fromRefusal, notFound, ProblemError } from '../http/problem.js';
import {
  appendConflicts,
  insertRegistration,
  type RegistrationRow,
  submissionFacts,
  toClaim,
  updateRegistration,
} from '../queries/registrations.js';
import { refuseWhilePending } from './contract-gate.js';
import { loadTree } from './registration-access.js';
import { recordRegistrationChange, systemActor } from './registration-trail.js';
import { toRegistration, viewerOf } from './registration-view.js';

type Tree = Awaited<ReturnType<typeof loadTree>>;

/**
 * Registers a deal (DESIGN §2.2). Under the tree lock, so two submissions on one tree see each
 * other: core's `decideSubmission` flags conflicts with first-come priority, or rejects a
 * vendor-direct account at once (still a 201: the registration exists, with its reason).
 * Idempotency is the router's: a retried request replays this answer.
 */
export const submitRegistration = async (
  tx: Queryable,
  principal: Principal,
  input: SubmitRegistrationInput,
  settings: ProgramSettings,
  now: Date,
): Promise<Registration> => {
  const partnerId = actingPartner(principal, input.partnerId);
  // One round trip for what is checked first (in this order), which also takes the tree lock.
  const facts = await submissionFacts(tx, partnerId, input.accountId);
  if (!facts.partnerExists) throw notFound(`Partner ${partnerId}`);
  const account = facts.account;
  if (!account) {
    throw new ProblemError('not_found', `Account ${input.accountId} was not found.`, {
      errors: [{ path: 'accountId', message: 'Unknown account' }],
    });
  }
  refuseWhilePending(pendingContracts({ ...facts.gate, partnerId }), 'registration.submit');
  // Read under the lock, so two submissions on one tree see each other.
  const tree = await loadTree(tx, account.root_id);
  const id = newId('reg');
  const decision = decideSubmission({
    id,
    input,
    partnerId,
    accounts: tree.accounts,
    // Checked above with the full pending list, so the answer names every contract to accept.
    pendingContracts: [],
    activeRegistrations: tree.registrations.map(toClaim),
    activeReservations: tree.reservations,
    region: account.region,
    settings,
    now,
  });
  if (!decision.ok) throw fromRefusal(decision);
  const outcome = decision.value;
  const submitted = await insertRegistration(tx, {
    id,
    partnerId,
    accountId: input.accountId,
    rootId: account.root_id,
    status: 'submitted',
    products: outcome.products,
    amount: input.estimatedValue.amount,
    currency: input.estimatedValue.currency,
    expectedCloseDate: input.expectedCloseDate,
    notes: input.notes ?? null,
    submittedAt: outcome.submittedAt,
    decisionDueAt: outcome.decisionDueAt,
    rejection: null,
    conflicts: outcome.conflicts,
    createdBy: principal.id,
  });
  const common = { disclosure: settings.disclosure, now };
  // A registration inserted just now has no extensions or comments yet: its views need no look-up.
  const details = { extensions: [], comments: [] };
  await recordRegistrationChange(tx, {
    ...common,
    row: submitted,
    actor: actorOf(principal),
    action: 'registration.submitted',
    from: null,
    ...(outcome.contested ? { data: { contested: true } } : {}),
    details,
  });
  let row = submitted;
  if (outcome.status === 'rejected') {
    // The lifecycle's own step, taken by the rule at once: submitted → rejected.
    row = await updateRegistration(tx, id, { status: 'rejected', rejection: outcome.rejection });
    await recordRegistrationChange(tx, {
      ...common,
      row,
      actor: systemActor(outcome.rejection.rule ?? outcome.rejection.code),
      action: 'registration.rejected',
      from: 'submitted',
      data: { rejection: outcome.rejection },
      details,
    });
  }
  await flagEarlierRegistrations(tx, tree, row, common);
  return toRegistration(row, [], [], viewerOf(principal, settings.disclosure, now));
};

/**
 * The other side of each conflict: an earlier registration that this one now contests gets the
 * conflict too (as the rules see it from there), so its partner learns it is contested.
 */
const flagEarlierRegistrations = async (
  tx: Queryable,
  tree: Tree,
  row: RegistrationRow,
  common: { disclosure: ProgramSettings['disclosure']; now: Date },
) => {
  for (const conflict of row.conflicts) {
    const other = tree.registrations.find(
      (candidate) => conflict.kind === 'registration' && candidate.id === conflict.id,
    );
    if (!other) continue;
    const seen = findConflicts({
      registration: toClaim(other),
      others: [toClaim(row)],
      accounts: tree.accounts,
      now: common.now,
    });
    if (seen.length === 0) continue;
    await appendConflicts(tx, other.id, seen);
    await recordRegistrationChange(tx, {
      ...common,
      row: { ...other, conflicts: [...other.conflicts, ...seen] },
      actor: systemActor('conflict detection'),
      action: 'registration.contested',
    });
  }
};
