import type { Conflict, Registration } from '@openprm/core';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatDateTime, formatMoney, formatRelativeTime } from '../shared/format.js';
import type { Locale } from '../shared/localize.js';
import type { RegistrationFormMessageKey } from './registration-form.messages.js';

type Translate = (
  key: RegistrationFormMessageKey,
  params?: Record<string, string | number>,
) => string;

export type Outcome = 'submitted' | 'contested' | 'rejected';

export const outcomeOf = (registration: Registration): Outcome =>
  registration.rejection || registration.status === 'rejected'
    ? 'rejected'
    : registration.contested
      ? 'contested'
      : 'submitted';

const OUTCOME: Record<Outcome, { icon: string; key: RegistrationFormMessageKey }> = {
  submitted: { icon: '✓', key: 'resultSubmitted' },
  contested: { icon: '⚠', key: 'resultContested' },
  rejected: { icon: '✕', key: 'resultRejected' },
};

const statusWord = (t: Translate, status: string) => {
  const key = `status_${status}` as RegistrationFormMessageKey;
  const word = t(key);
  return word === key ? status : word;
};

/** One overlapping claim in words: who came first, and whose claim has priority. */
const conflictText = (t: Translate, locale: Locale, conflict: Conflict): string => {
  const params = {
    date: formatDateTime(locale, conflict.submittedAt),
    status: statusWord(t, conflict.status),
  };
  const key: RegistrationFormMessageKey =
    conflict.kind === 'reservation'
      ? conflict.priority === 'theirs'
        ? 'conflictReservationTheirs'
        : 'conflictReservationOurs'
      : conflict.priority === 'theirs'
        ? 'conflictRegistrationTheirs'
        : 'conflictRegistrationOurs';
  const partner = conflict.partnerId
    ? ` ${t('conflictPartner', { partnerId: conflict.partnerId })}`
    : '';
  return `${t(key, params)}${partner}`;
};

/**
 * The answer to a submission in words: registered with its decision due time, contested with each
 * overlapping claim and its priority, or rejected at once with the reason and its code.
 */
export const renderResult = (
  registration: Registration,
  context: { t: Translate; locale: Locale; accountName: string; now: Date; onReset: () => void },
): TemplateResult => {
  const { t, locale } = context;
  const outcome = outcomeOf(registration);
  const { icon, key } = OUTCOME[outcome];
  return html`
    <section
      class="result"
      part="result"
      role="status"
      tabindex="-1"
      data-outcome=${outcome}
      aria-labelledby="result-heading"
    >
      <h3 id="result-heading" class="outcome" part="outcome">
        <span aria-hidden="true">${icon}</span> ${t(key)}
      </h3>
      <p>
        ${t('registered', {
          products: registration.products.join(', '),
          account: context.accountName || registration.accountId,
          value: formatMoney(locale, registration.estimatedValue),
          date: formatDate(locale, registration.expectedCloseDate),
        })}
      </p>
      ${
        outcome === 'rejected' && registration.rejection
          ? html`<p part="rejection-reason">${t('rejectionReason', { reason: registration.rejection.reason })}</p>
              <p part="rejection-code">${t('rejectionCode', { code: registration.rejection.code })}</p>`
          : html`<p part="decision-due">
              ${t('decisionDue', {
                date: formatDateTime(locale, registration.decisionDueAt),
                relative: formatRelativeTime(locale, registration.decisionDueAt, context.now),
              })}
            </p>`
      }
      ${outcome === 'contested' ? renderConflicts(t, locale, registration.conflicts) : nothing}
      <p class="muted">${t('reference', { id: registration.id })}</p>
      <div class="actions">
        <button type="button" class="secondary" part="reset-button" @click=${context.onReset}>
          ${t('registerAnother')}
        </button>
      </div>
    </section>
  `;
};

const renderConflicts = (t: Translate, locale: Locale, conflicts: Conflict[]) => html`
  <h4 class="conflicts-heading">${t('conflictsHeading')}</h4>
  <ul class="conflicts" part="conflicts">
    ${
      conflicts.length === 0
        ? html`<li>${t('conflictUndisclosed')}</li>`
        : conflicts.map(
            (conflict) => html`<li part="conflict" data-priority=${conflict.priority}>
              <span aria-hidden="true">${conflict.priority === 'theirs' ? '▼' : '▲'}</span>
              ${conflictText(t, locale, conflict)}
            </li>`,
          )
    }
  </ul>
`;
