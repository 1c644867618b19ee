import type { ReservationCheck, ReservationCheckStatus } from '@openprm/core';
import { html, nothing } from 'lit';
import { TaskStatus } from '../shared/api-task.js';
import { formatDate } from '../shared/format.js';
import { type Locale, translate } from '../shared/localize.js';
import { sharedMessages } from '../shared/shared.messages.js';
import type { RegistrationFormMessageKey } from './registration-form.messages.js';

type Translate = (
  key: RegistrationFormMessageKey,
  params?: Record<string, string | number>,
) => string;

const ICONS: Record<ReservationCheckStatus, string> = {
  open: '✓',
  reserved_by_you: '★',
  reserved_by_other: '✕',
  vendor_direct: '◆',
};

const HINTS: Record<ReservationCheckStatus, RegistrationFormMessageKey> = {
  open: 'openHint',
  reserved_by_you: 'reservedByYouHint',
  reserved_by_other: 'reservedByOtherHint',
  vendor_direct: 'vendorDirectHint',
};

interface StatusTask {
  status: TaskStatus;
  value?: ReservationCheck | undefined;
  error?: unknown;
  run(): unknown;
}

/** The chosen account's reservation status in words and a symbol, announced as it arrives. */
export const renderAccountStatus = (
  accountId: string,
  task: StatusTask,
  t: Translate,
  locale: Locale,
) => {
  const body = () => {
    if (!accountId) return nothing;
    // A reload after a live event keeps the status in view; another account's status does not.
    if (task.status === TaskStatus.PENDING && task.value?.accountId !== accountId)
      return html`<span class="muted">${t('statusLoading')}</span>`;
    // The lookup above already explains a lost connection; this says only what is missing.
    if (task.status === TaskStatus.ERROR) {
      return html`<span><span aria-hidden="true">⚠ </span>${t('statusFailed')}</span>
        <button type="button" class="secondary" part="retry-button" @click=${() => task.run()}>
          ${translate(sharedMessages, locale, 'retry')}
        </button>`;
    }
    const check = task.value;
    if (task.status === TaskStatus.INITIAL || check?.accountId !== accountId) return nothing;
    const date = check.reservation ? formatDate(locale, check.reservation.expiresAt) : '';
    return html`
      <span class="badge" part="account-status-badge" data-status=${check.status}>
        <span aria-hidden="true">${ICONS[check.status]}</span> ${t(check.status)}
      </span>
      <span class="hint">${t(HINTS[check.status], { date })}</span>
    `;
  };
  return html`<div class="account-status" part="account-status" role="status">${body()}</div>`;
};
