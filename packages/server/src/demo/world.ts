/** The in-memory demo world: built by the generators, written to the database by `rows.ts`. */
import type {
  AuditEvent,
  Certification,
  ConflictRecord,
  Office,
  PartnerSkill,
  RegistrationStatus,
  Role,
} from '@openprm/core';
import type { NewRegistrationRow } from '../queries/submissions.js';
import type { DemoRegion } from './geography.js';

export interface DemoActor {
  type: AuditEvent['actor']['type'];
  id: string;
  name?: string;
}

export interface DemoPartner {
  id: string;
  name: string;
  segment: string;
  region: DemoRegion;
  countries: string[];
  skills: PartnerSkill[];
  certifications: Certification[];
  offices: Office[];
  peopleCount: number;
  profileUpdatedAt: string;
  createdAt: string;
  /** Who acts for the partner in the audit trail. */
  admin: DemoActor;
  rep: DemoActor;
}

export interface DemoAccount {
  id: string;
  name: string;
  domain: string | null;
  parentId: string | null;
  rootId: string;
  vendorDirect: boolean;
  country: string;
  region: DemoRegion;
  createdAt: string;
}

export interface DemoReservation {
  id: string;
  partnerId: string;
  accountId: string;
  rootId: string;
  region: string | null;
  status: 'active' | 'released' | 'expired';
  createdAt: string;
  expiresAt: string;
  renewals: number;
  releasedAt: string | null;
}

export interface DemoExtension {
  id: string;
  registrationId: string;
  requestedAt: string;
  justification: string;
  days: number;
  status: 'requested' | 'approved' | 'rejected';
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface DemoComment {
  id: string;
  registrationId: string;
  at: string;
  author: DemoActor;
  kind: 'comment' | 'escalation';
  body: string;
}

/** A registration of the demo world: what a submission stores, and what happened to it since. */
export interface DemoRegistration extends Omit<NewRegistrationRow, 'status'> {
  status: RegistrationStatus;
  slaBreached: boolean;
  approvedAt: string | null;
  expiresAt: string | null;
  marginBenefitPct: number | null;
  closedAt: string | null;
  warningsSent: number[];
  escalatedAt: string | null;
}

export interface DemoAudit {
  id: string;
  subjectType: 'registration' | 'reservation';
  subjectId: string;
  partnerId: string;
  at: string;
  actor: DemoActor;
  action: string;
  from: string | null;
  to: string | null;
  data: Record<string, unknown> | null;
}

export interface DemoContract {
  id: string;
  title: string;
  kind: 'program_agreement' | 'deal_registration_terms' | 'nda';
  gates: ('registration.submit' | 'reservation.create')[];
  currentVersion: number;
  createdAt: string;
}

export interface DemoContractVersion {
  contractId: string;
  version: number;
  content: string;
  hash: string;
  requiresReacceptance: boolean;
  publishedAt: string;
}

export interface DemoAcceptance {
  id: string;
  contractId: string;
  version: number;
  hash: string;
  userId: string;
  partnerId: string;
  acceptedAt: string;
}

export interface DemoKey {
  key: string;
  id: string;
  name: string;
  role: Role;
  partnerId: string | null;
}
