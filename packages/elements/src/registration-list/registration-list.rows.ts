import type { Registration, RegistrationStatus } from '@openprm/core';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatMoney, formatRelativeTime } from '../shared/format.js';
import type { Locale } from '../shared/localize.js';
import type { RegistrationListMessageKey } from './registration-list.messages.js';

/** Which list the element shows: a partner's own registrations, or the vendor's decision queue. */
export type ListView = 'partner' | 'queue';

/** What the row templates need from the element: texts, language, clock and known names. */
export interface RowContext {
  t: (key: RegistrationListMessageKey, params?: Record<string, string | number>) => string;
  language: Locale;
  now: Date;
  view: ListView;
  /** The account's name once looked up, else its id. */
  accountName: (accountId: string) => string;
  /** The partner's name once looked up (vendors), else its id. */
  partnerName: (partnerId: string) => string;
}

/** A shape per status, so the status never rests on colour alone. */
export const STATUS_SYMBOLS: Record<RegistrationStatus, string> = {
  submitted: '◷',
  approved: '✓',
  rejected: '✕',
  won: '★',
  lost: '▽',
  expired: '⌛',
  withdrawn: '↩',
};

export const renderStatusBadge = (ctx: RowContext, status: RegistrationStatus): TemplateResult =>
  html`<span class="badge" part="status" data-status=${status}>
    <span aria-hidden="true">${STATUS_SYMBOLS[status]}</span>${ctx.t(status)}
  </span>`;

/** The time that matters for this status: the decision deadline, or the end of protection. */
export const deadlineText = (ctx: RowContext, registration: Registration): string | undefined => {
  const { status, decisionDueAt, expiresAt } = registration;
  if (status === 'submitted') {
    const relative = formatRelativeTime(ctx.language, decisionDueAt, ctx.now);
    const overdue = new Date(decisionDueAt).getTime() < ctx.now.getTime();
    return ctx.t(overdue ? 'decisionOverdue' : 'decisionDue', { relative });
  }
  if ((status === 'approved' || status === 'expired') && expiresAt) {
    const params = {
      relative: formatRelativeTime(ctx.language, expiresAt, ctx.now),
      date: formatDate(ctx.language, expiresAt),
    };
    return ctx.t(status === 'approved' ? 'expires' : 'expiredOn', params);
  }
  return undefined;
};

const flag = (kind: string, symbol: string, text: string) =>
  html`<span class="flag" part="flag ${kind}-flag" data-kind=${kind}
    ><span aria-hidden="true">${symbol}</span>${text}</span
  >`;

/** The facts of one row a person scans: who, what, how much, status and what is due when. */
export const renderSummary = (ctx: RowContext, registration: Registration): TemplateResult => {
  const deadline = deadlineText(ctx, registration);
  const { rejection } = registration;
  return html`
    <dl class="facts" part="facts">
      ${
        ctx.view === 'queue'
          ? html`<div>
              <dt>${ctx.t('partner')}</dt>
              <dd part="partner">${ctx.partnerName(registration.partnerId)}</dd>
            </div>`
          : nothing
      }
      <div>
        <dt>${ctx.t('products')}</dt>
        <dd part="products">${registration.products.join(', ')}</dd>
      </div>
      <div>
        <dt>${ctx.t('value')}</dt>
        <dd part="value">${formatMoney(ctx.language, registration.estimatedValue)}</dd>
      </div>
      <div>
        <dt>${ctx.t('status')}</dt>
        <dd>${renderStatusBadge(ctx, registration.status)}</dd>
      </div>
    </dl>
    <p class="meta">
      ${deadline ? html`<span class="deadline" part="deadline">${deadline}</span>` : nothing}
      ${registration.slaBreached && registration.status === 'submitted' ? flag('sla', '⚠', ctx.t('slaBreached')) : nothing}
      ${registration.contested ? flag('contested', '⚑', ctx.t('contested')) : nothing}
    </p>
    ${
      rejection
        ? html`<p class="rejection" part="rejection">
            <span>${ctx.t('rejectionReason', { reason: rejection.reason })}</span>
            <span class="muted">${ctx.t('rejectionCode', { code: codeLabel(ctx, rejection.code) })}</span>
          </p>`
        : nothing
    }
  `;
};

/** A rejection code in words, with the code itself for those who search by it. */
export const codeLabel = (ctx: RowContext, code: string): string => {
  const key = `code_${code}` as RegistrationListMessageKey;
  const label = ctx.t(key);
  return label === key ? code : `${label} (${code})`;
};
