import type { Actor, Rejection } from '@openprm/core';
import type { MockState, StoredRegistration } from './state.js';

/** Appends to the registration's audit trail (never rewrites it). */
export const recordChange = (
  state: MockState,
  registration: StoredRegistration,
  change: { actor: Actor; action: string; from?: string; data?: Record<string, unknown> },
  now: Date,
) => {
  state.sequence += 1;
  registration.audit.push({
    id: `aud_mock${String(state.sequence).padStart(6, '0')}`,
    at: now.toISOString(),
    actor: change.actor,
    action: change.action,
    ...(change.from ? { from: change.from } : {}),
    to: registration.status,
    ...(change.data ? { data: change.data } : {}),
  });
};

export const systemActor = (rule: string): Actor => ({ type: 'system', id: 'rules', name: rule });

/** Keeps the other side's view of a conflict current when a registration changes status. */
export const updateConflictStatus = (state: MockState, id: string, status: string) => {
  for (const other of state.registrations.values()) {
    for (const conflict of other.conflicts) {
      if (conflict.kind === 'registration' && conflict.id === id) conflict.status = status;
    }
  }
};

export const rejectWith = (
  state: MockState,
  registration: StoredRegistration,
  rejection: Rejection,
  actor: Actor,
  now: Date,
) => {
  const from = registration.status;
  registration.status = 'rejected';
  registration.rejection = rejection;
  updateConflictStatus(state, registration.id, 'rejected');
  recordChange(
    state,
    registration,
    { actor, action: 'registration.rejected', from, data: { rejection } },
    now,
  );
};
