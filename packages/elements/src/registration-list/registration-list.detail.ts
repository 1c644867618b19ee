import type { Actor, AuditEvent, Conflict, Registration, RegistrationStatus } from '@openprm/core';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatDateTime, formatPercent } from '../shared/format.js';
import { renderError } from '../shared/status-view.js';
import type { RegistrationListMessageKey } from './registration-list.messages.js';
import { type RowContext, STATUS_SYMBOLS } from './registration-list.rows.js';

/** The history of one registration, loaded when its row opens. */
export interface AuditState {
  events?: AuditEvent[];
  error?: unknown;
  retry: () => void;
}

const statusWords = (ctx: RowContext, status: string): string =>
  status in STATUS_SYMBOLS ? ctx.t(status as RegistrationStatus) : status;

const actorName = (ctx: RowContext, actor: Actor): string =>
  actor.type === 'system' ? ctx.t('system') : (actor.name ?? actor.id);

/**
 * Both claims side by side: this registration and each overlapping one, with who has priority in
 * words. What a partner sees of the other side follows the disclosure policy (the server decides).
 */
export const renderConflicts = (ctx: RowContext, registration: Registration): unknown => {
  if (!registration.contested) return nothing;
  if (registration.conflicts.length === 0) {
    return html`<p class="conflicts-note" part="conflicts">${ctx.t('contestedNoDetail')}</p>`;
  }
  const claim = (conflict: Conflict) => html`
    <div class="claim" part="claim other-claim">
      <p class="claim-title">
        ${ctx.t('otherClaim')}:
        ${ctx.t(conflict.kind === 'reservation' ? 'otherReservation' : 'otherRegistration')}
      </p>
      <ul>
        <li>${ctx.t('claimSubmitted', { date: formatDateTime(ctx.language, conflict.submittedAt) })}</li>
        <li>${ctx.t('claimStatus', { status: statusWords(ctx, conflict.status) })}</li>
        <li class="priority" data-priority=${conflict.priority}>
          <span aria-hidden="true">${conflict.priority === 'theirs' ? '▲' : '▽'}</span>
          ${ctx.t(conflict.priority === 'theirs' ? 'priorityTheirs' : 'priorityOurs')}
        </li>
        ${
          conflict.id
            ? html`<li>${ctx.t(conflict.kind === 'reservation' ? 'reservationId' : 'claimId', { id: conflict.id })}</li>`
            : nothing
        }
        ${
          conflict.partnerId
            ? html`<li>${ctx.t('claimPartner', { partner: ctx.partnerName(conflict.partnerId) })}</li>`
            : nothing
        }
      </ul>
    </div>
  `;
  return html`
    <section class="conflicts" part="conflicts" aria-label=${ctx.t('conflicts')}>
      <p class="section-title">${ctx.t('conflicts')}</p>
      ${registration.conflicts.map(
        (conflict) => html`
          <div class="side-by-side">
            <div class="claim" part="claim this-claim">
              <p class="claim-title">${ctx.t('thisClaim')}</p>
              <ul>
                <li>${ctx.t('claimSubmitted', { date: formatDateTime(ctx.language, registration.submittedAt) })}</li>
                <li>${ctx.t('claimStatus', { status: statusWords(ctx, registration.status) })}</li>
              </ul>
            </div>
            ${claim(conflict)}
          </div>
        `,
      )}
    </section>
  `;
};

const renderTimeline = (ctx: RowContext, audit: AuditState | undefined): unknown => {
  if (!audit || (!audit.events && !audit.error)) {
    return html`<p class="muted" role="status">${ctx.t('timelineLoading')}</p>`;
  }
  if (audit.error) return renderError(ctx.language, audit.error, audit.retry);
  const events = audit.events ?? [];
  if (events.length === 0) return html`<p class="muted">${ctx.t('timelineEmpty')}</p>`;
  return html`<ol class="timeline" part="timeline">
    ${events.map((event) => {
      const key = `audit_${event.action}` as RegistrationListMessageKey;
      const label = ctx.t(key) === key ? event.action : ctx.t(key);
      return html`<li>
        <time datetime=${event.at}>${formatDateTime(ctx.language, event.at)}</time>
        <span class="event">${label}</span>
        ${
          event.from && event.to
            ? html`<span class="muted"
                >${ctx.t('auditChange', { from: statusWords(ctx, event.from), to: statusWords(ctx, event.to) })}</span
              >`
            : nothing
        }
        <span class="muted">${ctx.t('auditBy', { actor: actorName(ctx, event.actor) })}</span>
      </li>`;
    })}
  </ol>`;
};

const renderComments = (ctx: RowContext, registration: Registration): TemplateResult =>
  registration.comments.length === 0
    ? html`<p class="muted">${ctx.t('noComments')}</p>`
    : html`<ul class="comments" part="comments">
        ${registration.comments.map(
          (comment) => html`<li>
            <p class="comment-head">
              <strong>${actorName(ctx, comment.author)}</strong>
              <time class="muted" datetime=${comment.at}>${formatDateTime(ctx.language, comment.at)}</time>
              ${comment.kind === 'escalation' ? html`<span class="flag">${ctx.t('escalation')}</span>` : nothing}
            </p>
            <p class="comment-body">${comment.body}</p>
          </li>`,
        )}
      </ul>`;

const renderExtensions = (ctx: RowContext, registration: Registration): TemplateResult =>
  registration.extensions.length === 0
    ? html`<p class="muted">${ctx.t('noExtensions')}</p>`
    : html`<ul class="extensions" part="extensions">
        ${registration.extensions.map(
          (extension) => html`<li>
            ${ctx.t('extensionLine', {
              days: extension.days,
              status: ctx.t(`extension_${extension.status}`),
            })}
            <span class="muted">(${formatDateTime(ctx.language, extension.requestedAt)})</span>
            <p class="comment-body">${extension.justification}</p>
            ${extension.decisionReason ? html`<p class="muted">${extension.decisionReason}</p>` : nothing}
          </li>`,
        )}
      </ul>`;

/** Everything behind a row: facts, conflicts, extensions, the conversation and the history. */
export const renderDetail = (
  ctx: RowContext,
  registration: Registration,
  audit: AuditState | undefined,
): TemplateResult => html`
  <dl class="facts" part="detail-facts">
    <div>
      <dt>${ctx.t('submittedAt')}</dt>
      <dd>${formatDateTime(ctx.language, registration.submittedAt)}</dd>
    </div>
    <div>
      <dt>${ctx.t('expectedClose')}</dt>
      <dd>${formatDate(ctx.language, registration.expectedCloseDate)}</dd>
    </div>
    ${
      registration.marginBenefitPct === undefined
        ? nothing
        : html`<div>
            <dt>${ctx.t('margin')}</dt>
            <dd>${formatPercent(ctx.language, registration.marginBenefitPct / 100)}</dd>
          </div>`
    }
    <div>
      <dt>${ctx.t('extensionsUsed')}</dt>
      <dd>${registration.extensionsUsed}</dd>
    </div>
  </dl>
  ${
    registration.notes
      ? html`<p class="notes"><strong>${ctx.t('notes')}:</strong> ${registration.notes}</p>`
      : nothing
  }
  ${ctx.view === 'partner' ? renderConflicts(ctx, registration) : nothing}
  <div class="detail-columns">
    <section aria-label=${ctx.t('timeline')}>
      <p class="section-title">${ctx.t('timeline')}</p>
      ${renderTimeline(ctx, audit)}
    </section>
    <section aria-label=${ctx.t('comments')}>
      <p class="section-title">${ctx.t('comments')}</p>
      ${renderComments(ctx, registration)}
      <p class="section-title">${ctx.t('extensions')}</p>
      ${renderExtensions(ctx, registration)}
    </section>
  </div>
`;
