import {
  MANUAL_REJECTION_CODES,
  MAX_EXTENSION_DAYS,
  type Registration,
  type RejectionCode,
  type RejectRegistrationInput,
  type RequestExtensionInput,
} from '@openprm/core';
import type { PrmClient } from '@openprm/sdk';
import type { RegistrationAction } from '../events/registration-changed.js';
import type { FormName } from './registration-list.actions.js';
import type { RegistrationListMessageKey } from './registration-list.messages.js';

/** A form's outcome: the input to send, or a message key per field that is wrong. */
export type Checked<T, F extends string> =
  | { ok: true; input: T }
  | { ok: false; errors: Partial<Record<F, RegistrationListMessageKey>> };

/** Days must be a whole number the program accepts; the text must say something. */
export const checkExtension = (
  justification: string,
  daysText: string,
): Checked<RequestExtensionInput, 'justification' | 'days'> => {
  const errors: Partial<Record<'justification' | 'days', RegistrationListMessageKey>> = {};
  const text = justification.trim();
  const days = Number(daysText.trim());
  if (text === '') errors.justification = 'justificationRequired';
  if (daysText.trim() === '' || !Number.isInteger(days) || days < 1 || days > MAX_EXTENSION_DAYS) {
    errors.days = 'daysInvalid';
  }
  return Object.keys(errors).length > 0
    ? { ok: false, errors }
    : { ok: true, input: { justification: text, days } };
};

const isManualCode = (code: string): code is RejectionCode =>
  (MANUAL_REJECTION_CODES as readonly string[]).includes(code);

/** Every rejection carries a code a reviewer may choose and a reason the partner reads. */
export const checkRejection = (
  code: string,
  reason: string,
): Checked<RejectRegistrationInput, 'code' | 'reason'> => {
  const errors: Partial<Record<'code' | 'reason', RegistrationListMessageKey>> = {};
  const text = reason.trim();
  if (!isManualCode(code)) errors.code = 'codeRequired';
  if (text === '') errors.reason = 'reasonRequired';
  return Object.keys(errors).length > 0 || !isManualCode(code)
    ? { ok: false, errors }
    : { ok: true, input: { code, reason: text } };
};

/** What a submitted form asks for (an SDK call to make), or what is wrong with it. */
export const planAction = (
  form: FormName,
  id: string,
  data: FormData,
):
  | { action: RegistrationAction; run: (client: PrmClient) => Promise<Registration> }
  | { errors: Partial<Record<string, RegistrationListMessageKey>> } => {
  const value = (name: string) => String(data.get(name) ?? '');
  switch (form) {
    case 'extension': {
      const checked = checkExtension(value('justification'), value('days'));
      if (!checked.ok) return { errors: checked.errors };
      return {
        action: 'request-extension',
        run: (client) => client.registrations.requestExtension(id, checked.input),
      };
    }
    case 'comment': {
      const body = value('body').trim();
      if (body === '') return { errors: { body: 'commentRequired' } };
      return { action: 'comment', run: (client) => client.registrations.comment(id, { body }) };
    }
    case 'approve': {
      const note = value('note').trim();
      return {
        action: 'approve',
        run: (client) => client.registrations.approve(id, note ? { note } : {}),
      };
    }
    case 'reject': {
      const checked = checkRejection(value('code'), value('reason'));
      if (!checked.ok) return { errors: checked.errors };
      return {
        action: 'reject',
        run: (client) => client.registrations.reject(id, checked.input),
      };
    }
  }
};
