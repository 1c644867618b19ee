import type {
  Acceptance,
  Account,
  AccountIndex,
  AuditEvent,
  Comment,
  ConflictRecord,
  Contract,
  ContractVersion,
  Extension,
  MetricFact,
  Objective,
  Partner,
  ProgramSettings,
  Registration,
  Reservation,
  TargetFact,
} from '@openprm/core';

/** A registration as the mock keeps it: conflicts in full (the vendor's view) plus its trail. */
export type StoredRegistration = Omit<
  Registration,
  'conflicts' | 'contested' | 'extensionsUsed' | 'extensions' | 'comments'
> & {
  rootId: string;
  conflicts: ConflictRecord[];
  extensions: Extension[];
  comments: Comment[];
  audit: AuditEvent[];
};

export interface StoredAnswer {
  request: string;
  endpoint: string;
  status: number;
  body: unknown;
}

/** Everything the mock server knows; mutated in place by the endpoint handlers. */
export interface MockState {
  settings: ProgramSettings;
  accounts: Map<string, Account>;
  partners: Map<string, Partner>;
  reservations: Map<string, Reservation>;
  registrations: Map<string, StoredRegistration>;
  contracts: Contract[];
  versions: ContractVersion[];
  acceptances: Acceptance[];
  objectives: Objective[];
  targets: TargetFact[];
  metrics: MetricFact[];
  /** Idempotency-Key answers by caller and key. */
  idempotency: Map<string, StoredAnswer>;
  /** Registrations by the root of their account tree: the rules compare claims within a tree. */
  registrationsByRoot: Map<string, StoredRegistration[]>;
  /** Core's account index, rebuilt after an account is added. */
  accountIndex: AccountIndex | null;
  /** Next number for generated ids: deterministic, like everything else here. */
  sequence: number;
}

export const nextId = (state: MockState, prefix: string): string => {
  state.sequence += 1;
  return `${prefix}_mock${String(state.sequence).padStart(6, '0')}`;
};
