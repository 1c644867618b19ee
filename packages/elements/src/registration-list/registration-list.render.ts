import { isPartnerRole, type Registration, type RegistrationStatus } from '@openprm/core';
import { isPrmError } from '@openprm/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { renderEmpty, renderError } from '../shared/status-view.js';
import {
  type ActionsState,
  type RowActionHandlers,
  renderDecision,
  renderPartnerActions,
  rowActionState,
} from './registration-list.actions.js';
import { type AuditState, renderConflicts, renderDetail } from './registration-list.detail.js';
import { actionErrorKey } from './registration-list.errors.js';
import { type ListState, STATUSES } from './registration-list.query.js';
import { type RowContext, renderSummary } from './registration-list.rows.js';

/** What the list shows besides the rows themselves, and where the person's input goes. */
export interface ListScreen {
  ctx: RowContext;
  list: ListState;
  /** A reload is under way (the rows stay on screen meanwhile). */
  busy: boolean;
  status: RegistrationStatus | '';
  announcement: string;
  expanded: ReadonlySet<string>;
  audits: ReadonlyMap<string, AuditState>;
  rowErrors: ReadonlyMap<string, unknown>;
  actions: ActionsState;
  handlers: RowActionHandlers;
  loadingMore: boolean;
  loadMoreError: unknown;
  onToggle: (registration: Registration) => void;
  onFilter: (event: Event) => void;
  onLoadMore: (list: ListState) => void;
}

const renderFilter = ({ ctx, status, onFilter }: ListScreen): TemplateResult =>
  html`<div class="filter">
    <label for="status-filter">${ctx.t('filterLabel')}</label>
    <select id="status-filter" part="filter" @change=${onFilter}>
      <option value="" ?selected=${status === ''}>${ctx.t('filterAll')}</option>
      ${STATUSES.map(
        (option) =>
          html`<option value=${option} ?selected=${status === option}>${ctx.t(option)}</option>`,
      )}
    </select>
  </div>`;

/** Known refusals in the element's own words with the server's detail; others as shared errors. */
const renderRowError = (ctx: RowContext, error: unknown): TemplateResult => {
  const key = actionErrorKey(error);
  const detail = isPrmError(error) ? error.detail : undefined;
  return html`<div class="row-error" part="row-error">
    ${
      key
        ? html`<div class="status" part="error" role="alert" data-kind="error">
            <span><span aria-hidden="true">⚠</span> ${ctx.t(key)}</span>
            ${detail ? html`<p class="detail">${detail}</p>` : nothing}
          </div>`
        : renderError(ctx.language, error, undefined)
    }
  </div>`;
};

const renderRow = (screen: ListScreen, registration: Registration): TemplateResult => {
  const { ctx, list } = screen;
  const { id } = registration;
  const open = screen.expanded.has(id);
  const name = ctx.accountName(registration.accountId);
  const state = rowActionState(screen.actions, id);
  const canDecide = list.view === 'queue' && !isPartnerRole(list.role);
  const rowError = screen.rowErrors.get(id);
  return html`<li class="row" part="row" data-status=${registration.status}
    ?data-sla-breached=${registration.slaBreached && registration.status === 'submitted'}>
    <h3 class="row-title">
      <button type="button" class="expand" part="expand-button" id=${`toggle-${id}`}
        aria-expanded=${open ? 'true' : 'false'} aria-controls=${`detail-${id}`}
        @click=${() => screen.onToggle(registration)}>
        <span class="chevron" aria-hidden="true">${open ? '▾' : '▸'}</span>
        <span class="visually-hidden">${ctx.t('account')}: </span>${name}
      </button>
    </h3>
    ${renderSummary(ctx, registration)}
    ${list.view === 'queue' ? renderConflicts(ctx, registration) : nothing}
    ${rowError ? renderRowError(ctx, rowError) : nothing}
    ${canDecide ? renderDecision(ctx, registration, name, state, screen.handlers) : nothing}
    <div class="detail" part="detail" id=${`detail-${id}`} ?hidden=${!open}>
      ${
        open
          ? html`${renderDetail(ctx, registration, screen.audits.get(id))}
            ${
              isPartnerRole(list.role)
                ? renderPartnerActions(ctx, registration, state, screen.handlers)
                : nothing
            }`
          : nothing
      }
    </div>
  </li>`;
};

const renderLoadMore = (screen: ListScreen): unknown => {
  const { ctx, list } = screen;
  if (!list.page.hasMore) return nothing;
  return html`<div class="more">
    ${screen.loadMoreError ? renderError(ctx.language, screen.loadMoreError, undefined) : nothing}
    <button type="button" class="secondary" part="load-more-button" ?disabled=${screen.loadingMore}
      @click=${() => screen.onLoadMore(list)}>
      ${screen.loadingMore ? ctx.t('loadingMore') : ctx.t('loadMore')}
    </button>
  </div>`;
};

/** The loaded list: heading, filter and count, the last action's result, the rows, load more. */
export const renderList = (screen: ListScreen): TemplateResult => {
  const { ctx, list } = screen;
  const queue = list.view === 'queue';
  const headingId = 'heading';
  return html`
    <section class="list-card" aria-labelledby=${headingId} aria-busy=${screen.busy ? 'true' : 'false'}>
      <h2 id=${headingId} part="heading">${ctx.t(queue ? 'queueHeading' : 'partnerHeading')}</h2>
      <div class="toolbar" part="toolbar">
        ${queue ? nothing : renderFilter(screen)}
        <p class="muted count">${ctx.t('shown', { count: list.rows.length })}</p>
      </div>
      <p id="announcement" class="announcement" part="announcement" role="status" tabindex="-1"
        >${screen.announcement}</p
      >
      ${
        list.rows.length === 0
          ? renderEmpty(
              ctx.t(queue ? 'emptyQueue' : screen.status ? 'emptyFiltered' : 'emptyPartner'),
            )
          : html`<ul class="rows" part="list" role="list">
              ${repeat(
                list.rows,
                (row) => row.id,
                (row) => renderRow(screen, row),
              )}
            </ul>`
      }
      ${renderLoadMore(screen)}
    </section>
  `;
};
