import {
  type ConflictRecord,
  decideSubmission,
  findConflicts,
  type OtherRegistration,
  type ProgramSettings,
  pendingContracts,
  type Registration,
  type SubmitRegistrationInput,
} from '@openprm/core';
import { newId } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import type { Writes } from '../db/writes.js';
import { RetryLater, type Settled, settle } from '../http/batcher.js';
import { actingPartner, actorOf, type Principal } from '../http/principal.js';
import { fromRefusal, notFound, ProblemError } from '../http/problem.js';
import { type RegistrationRow, toClaim } from '../queries/registrations.js';
import {
  appendConflictsWrite,
  insertRegistrations,
  type NewRegistrationRow,
  submissionFacts,
} from '../queries/submissions.js';
import { refuseWhilePending } from './contract-gate.js';
import { auditAndEventWrites } from './outbox.js';
import { loadTrees, type Tree } from './registration-access.js';
import {
  type RegistrationChangeRecord,
  registrationChangeRecords,
  systemActor,
} from './registration-trail.js';
import {
  partnerViewer,
  registrationDetails,
  toRegistration,
  viewerOf,
} from './registration-view.js';

/** One deal registration to submit: who asks, what, and when the request arrived. */
export interface Submission {
  principal: Principal;
  input: SubmitRegistrationInput;
  now: Date;
}

/** A registration on a tree as the rules see it: stored before, or new in this batch. */
interface TreeClaim {
  claim: OtherRegistration;
  conflicts: ConflictRecord[];
  stored: RegistrationRow | null;
  fresh: NewRegistrationRow | null;
}

/**
 * A change to record once the new rows are stored: the registration, and what of it differed at
 * the time of the change (a registration contested later in the same batch was not yet).
 */
interface PendingChange extends Omit<RegistrationChangeRecord, 'row' | 'details' | 'disclosure'> {
  id: string;
  stored: RegistrationRow | null;
  asItWas: Partial<RegistrationRow>;
}

/**
 * Registers deals (DESIGN §2.2), many in one transaction and in arrival order, each exactly as if
 * it ran alone after the ones before it: under the locks of their trees, core's
 * `decideSubmission` flags conflicts with first-come priority (earlier submissions of the batch
 * included), or rejects a vendor-direct account at once (still a 201: the registration exists,
 * with its reason). A refused submission writes nothing and does not hold up the others.
 * Idempotency is the router's: a retried request replays its answer.
 */
export const submitRegistrations = async (
  tx: Queryable,
  submissions: readonly Submission[],
  settings: ProgramSettings,
  { writes, waitForTrees }: { writes: Writes; waitForTrees: boolean },
): Promise<Settled<Registration>[]> => {
  const acting = submissions.map((submission) =>
    settle(() => actingPartner(submission.principal, submission.input.partnerId)),
  );
  const asked = submissions.flatMap((submission, index) => {
    const partner = acting[index];
    return partner?.ok ? [{ partnerId: partner.value, accountId: submission.input.accountId }] : [];
  });
  if (asked.length === 0) return acting as Settled<never>[];
  // One round trip for what is checked first (in this order), which also takes the tree locks.
  // A batch does not wait for a busy tree (nor hold up its other submissions): the ones on it
  // run again later, in a batch that waits (`waitForTrees`), as a lone submission does.
  const facts = await submissionFacts(tx, asked, submissions.length > 1 && !waitForTrees);
  // Read under the locks, so submissions on one tree see each other.
  const roots = asked.flatMap((request) => {
    const rootId = facts.account(request.accountId)?.root_id;
    return rootId !== undefined && facts.isLocked(rootId) ? [rootId] : [];
  });
  const trees = new Map(
    [...(await loadTrees(tx, [...new Set(roots)]))].map(([rootId, tree]) => [
      rootId,
      { tree, claims: tree.registrations.map(storedClaim) },
    ]),
  );
  const fresh: NewRegistrationRow[] = [];
  const appended = new Map<string, ConflictRecord[]>();
  const changes: PendingChange[] = [];

  const submitOne = (submission: Submission, partnerId: string) => {
    const { principal, input, now } = submission;
    if (!facts.partnerExists(partnerId)) throw notFound(`Partner ${partnerId}`);
    const account = facts.account(input.accountId);
    if (!account) {
      throw new ProblemError('not_found', `Account ${input.accountId} was not found.`, {
        errors: [{ path: 'accountId', message: 'Unknown account' }],
      });
    }
    refuseWhilePending(
      pendingContracts({ ...facts.gate(partnerId), partnerId }),
      'registration.submit',
    );
    const held = trees.get(account.root_id);
    if (!held) throw new RetryLater(`The tree of ${input.accountId} is busy.`);
    const { tree, claims } = held;
    const id = newId('reg');
    const decision = decideSubmission({
      id,
      input,
      partnerId,
      accounts: tree.accounts,
      // Checked above with the full pending list, so the answer names every contract to accept.
      pendingContracts: [],
      activeRegistrations: claims.map((entry) => entry.claim),
      activeReservations: tree.reservations,
      region: account.region,
      settings,
      now,
    });
    if (!decision.ok) throw fromRefusal(decision);
    const outcome = decision.value;
    const row: NewRegistrationRow = {
      id,
      partnerId,
      accountId: input.accountId,
      rootId: account.root_id,
      status: outcome.status,
      products: outcome.products,
      amount: input.estimatedValue.amount,
      currency: input.estimatedValue.currency,
      expectedCloseDate: input.expectedCloseDate,
      notes: input.notes ?? null,
      submittedAt: outcome.submittedAt,
      decisionDueAt: outcome.decisionDueAt,
      rejection: outcome.status === 'rejected' ? outcome.rejection : null,
      conflicts: outcome.conflicts,
      createdBy: principal.id,
    };
    fresh.push(row);
    // Its own conflicts, before later submissions of the batch contest it.
    const own = { conflicts: [...outcome.conflicts] };
    changes.push({
      id,
      stored: null,
      asItWas: { ...own, status: 'submitted', rejection: null },
      actor: actorOf(principal),
      action: 'registration.submitted',
      from: null,
      now,
      ...(outcome.contested ? { data: { contested: true } } : {}),
    });
    if (outcome.status === 'rejected') {
      // The lifecycle's own step, taken by the rule at once: submitted → rejected.
      changes.push({
        id,
        stored: null,
        asItWas: own,
        actor: systemActor(outcome.rejection.rule ?? outcome.rejection.code),
        action: 'registration.rejected',
        from: 'submitted',
        data: { rejection: outcome.rejection },
        now,
      });
    }
    const claim: TreeClaim = {
      claim: {
        id,
        partnerId,
        accountId: input.accountId,
        products: outcome.products,
        submittedAt: outcome.submittedAt,
        status: outcome.status,
      },
      conflicts: row.conflicts,
      stored: null,
      fresh: row,
    };
    flagEarlierRegistrations(claims, claim, tree, now);
    if (outcome.status === 'submitted') claims.push(claim);
    return { id, principal, now, asItWas: own };
  };

  /**
   * The other side of each conflict: an earlier registration that this one now contests gets the
   * conflict too (as the rules see it from there), so its partner learns it is contested.
   */
  const flagEarlierRegistrations = (
    claims: TreeClaim[],
    newer: TreeClaim,
    tree: Tree,
    now: Date,
  ) => {
    for (const conflict of newer.conflicts) {
      if (conflict.kind !== 'registration') continue;
      const other = claims.find((candidate) => candidate.claim.id === conflict.id);
      if (!other) continue;
      const seen = findConflicts({
        registration: other.claim,
        others: [newer.claim],
        accounts: tree.accounts,
        now,
      });
      if (seen.length === 0) continue;
      other.conflicts = [...other.conflicts, ...seen];
      if (other.fresh) other.fresh.conflicts = other.conflicts;
      else appended.set(other.claim.id, [...(appended.get(other.claim.id) ?? []), ...seen]);
      changes.push({
        id: other.claim.id,
        stored: other.stored,
        asItWas: { conflicts: other.conflicts },
        actor: systemActor('conflict detection'),
        action: 'registration.contested',
        now,
      });
    }
  };

  const decided = submissions.map((submission, index) => {
    const partner = acting[index] as Settled<string>;
    return partner.ok ? settle(() => submitOne(submission, partner.value)) : partner;
  });
  const inserted = await insertRegistrations(tx, fresh);
  writes.add(appendConflictsWrite(appended));
  const rowOf = (
    id: string,
    stored: RegistrationRow | null,
    asItWas: Partial<RegistrationRow>,
  ) => ({
    ...((stored ?? inserted.get(id)) as RegistrationRow),
    ...asItWas,
  });
  // A registration stored before may have extensions and comments, which its events show.
  const details = await registrationDetails(
    tx,
    changes.flatMap((change) => (change.stored ? [change.id] : [])),
  );
  writes.add(
    ...auditAndEventWrites(
      changes.map(({ id, stored, asItWas, ...change }) => {
        const row = rowOf(id, stored, asItWas);
        const { extensions, comments } = details.get(id) ?? NO_DETAILS;
        const view = partnerViewer(settings.disclosure, change.now);
        return registrationChangeRecords(
          { ...change, row, disclosure: settings.disclosure },
          toRegistration(row, extensions, comments, view),
        );
      }),
    ),
  );
  return decided.map((result): Settled<Registration> => {
    if (!result.ok) return result;
    const { id, principal, now, asItWas } = result.value;
    // A registration inserted just now has no extensions or comments yet.
    const viewer = viewerOf(principal, settings.disclosure, now);
    return { ok: true, value: toRegistration(rowOf(id, null, asItWas), [], [], viewer) };
  });
};

const NO_DETAILS = { extensions: [], comments: [] };

const storedClaim = (row: RegistrationRow): TreeClaim => ({
  claim: toClaim(row),
  conflicts: row.conflicts,
  stored: row,
  fresh: null,
});
