/**
 * The state the registration engine plays the plans into: registrations, their extensions,
 * comments and audit rows, plus the queue of steps still to run, and the helpers every step
 * uses (audit a change, move a status through core's lifecycle, schedule a later step).
 */
import {
  type AccountIndex,
  decideTransition,
  type Extension,
  indexAccounts,
  type OtherRegistration,
  type PendingContract,
  type ProgramSettings,
  type Reservation,
  toMs,
} from '@openprm/core';
import type { AccountTree } from './accounts.js';
import type { PlannedStep, RegistrationPlan } from './registration-plans.js';
import type {
  DemoAccount,
  DemoActor,
  DemoAudit,
  DemoComment,
  DemoExtension,
  DemoRegistration,
} from './world.js';

export interface EngineInput {
  plans: readonly RegistrationPlan[];
  trees: readonly AccountTree[];
  settings: ProgramSettings;
  now: string;
  reviewer: DemoActor;
  pendingAt(partnerId: string, at: string): PendingContract[];
  reservationsAt(rootId: string, at: string): Reservation[];
}

export type Step =
  | (PlannedStep & { at: string })
  | { kind: 'submit'; at: string }
  | { kind: 'slaCheck'; at: string }
  | { kind: 'expiryCheck'; at: string };

interface Queued {
  at: string;
  order: number;
  index: number;
  step: Step;
}

/** What a rule does by itself is recorded as the server records it (`registration-trail.ts`). */
export const ruleActor = (name: string): DemoActor => ({ type: 'system', id: 'openprm', name });

export const refused = (id: string, step: string, reasons: readonly { message: string }[]) =>
  new Error(
    `Demo registration ${id} (${step}) contradicts a rule: ${reasons.map((r) => r.message).join(' ')}`,
  );

export const toOther = (r: DemoRegistration): OtherRegistration => ({
  id: r.id,
  partnerId: r.partnerId,
  accountId: r.accountId,
  products: r.products,
  submittedAt: r.submittedAt,
  status: r.status,
  ...(r.expiresAt ? { expiresAt: r.expiresAt } : {}),
});

export class Ledger {
  readonly registrations: DemoRegistration[] = [];
  readonly extensions: DemoExtension[] = [];
  readonly comments: DemoComment[] = [];
  readonly audits: Omit<DemoAudit, 'id'>[] = [];
  readonly plans: RegistrationPlan[];
  private readonly indexes: Map<string, AccountIndex>;
  private readonly accounts: Map<string, DemoAccount>;
  private readonly byTree = new Map<string, DemoRegistration[]>();
  private readonly queue: Queued[] = [];
  private order = 0;

  constructor(readonly input: EngineInput) {
    // Ids follow submission order, so they sort the way the history happened.
    this.plans = [...input.plans].sort(
      (a, b) =>
        toMs(a.submittedAt) - toMs(b.submittedAt) ||
        (a.account.id < b.account.id ? -1 : a.account.id > b.account.id ? 1 : 0),
    );
    this.indexes = new Map(input.trees.map((t) => [t.rootId, indexAccounts(t.accounts)]));
    this.accounts = new Map(input.trees.flatMap((t) => t.accounts.map((a) => [a.id, a])));
  }

  treeIndex(rootId: string) {
    return this.indexes.get(rootId) as AccountIndex;
  }

  account(id: string) {
    return this.accounts.get(id) as DemoAccount;
  }

  /** Registrations on the tree so far (any status: the rules skip inactive ones). */
  onTree(rootId: string) {
    return this.byTree.get(rootId) ?? [];
  }

  add(index: number, registration: DemoRegistration) {
    this.registrations[index] = registration;
    this.byTree.set(registration.rootId, [...this.onTree(registration.rootId), registration]);
  }

  /** Steps later than `now` have not happened yet, so they are dropped. */
  schedule(index: number, step: Step) {
    if (toMs(step.at) > toMs(this.input.now)) return;
    this.queue.push({ at: step.at, order: this.order++, index, step });
  }

  /** The earliest step still to run; a step scheduled while running joins in its place. */
  next(): Queued | undefined {
    this.queue.sort((a, b) => toMs(a.at) - toMs(b.at) || a.order - b.order);
    return this.queue.shift();
  }

  audit(
    r: DemoRegistration,
    at: string,
    actor: DemoActor,
    action: string,
    change: { from: string | null; to: string } | null,
    data: Record<string, unknown> | null = null,
  ) {
    this.audits.push({
      subjectType: 'registration',
      subjectId: r.id,
      partnerId: r.partnerId,
      at,
      actor,
      action,
      from: change?.from ?? null,
      to: change?.to ?? null,
      data,
    });
  }

  /** Every status change goes through core's lifecycle table, as on the server. */
  setStatus(
    r: DemoRegistration,
    to: DemoRegistration['status'],
    actor: 'partner' | 'vendor' | 'system',
  ) {
    const transition = decideTransition({ from: r.status, to, actor });
    if (!transition.ok) throw refused(r.id, to, transition.reasons);
    const from = r.status;
    r.status = to;
    return { from, to };
  }

  extensionsOf(r: DemoRegistration): Extension[] {
    return this.extensions
      .filter((e) => e.registrationId === r.id)
      .map((e) => ({
        id: e.id,
        requestedAt: e.requestedAt,
        justification: e.justification,
        days: e.days,
        status: e.status,
        ...(e.decidedAt ? { decidedAt: e.decidedAt } : {}),
        ...(e.decisionReason ? { decisionReason: e.decisionReason } : {}),
      }));
  }
}
