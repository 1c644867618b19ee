import { TaskStatus } from '@lit/task';
import {
  type EventType,
  isPartnerRole,
  REGISTRATION_TRANSITIONS,
  type Registration,
  type RegistrationStatus,
  type Role,
} from '@openprm/core';
import { isPrmError, type Page, type PrmClient } from '@openprm/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { PrmErrorEvent, PrmRegistrationChangedEvent, type RegistrationAction } from '../events.js';
import { PrmElement } from '../shared/prm-element.js';
import { renderEmpty, renderError, renderTask } from '../shared/status-view.js';
import { baseStyles } from '../shared/styles.js';
import {
  type Decision,
  type FormName,
  fieldId,
  type RowActionHandlers,
  type RowActionState,
  renderDecision,
  renderPartnerActions,
} from './registration-list.actions.js';
import { type AuditState, renderConflicts, renderDetail } from './registration-list.detail.js';
import { actionErrorKey } from './registration-list.errors.js';
import {
  type RegistrationListMessageKey,
  registrationListMessages,
} from './registration-list.messages.js';
import { type ListView, type RowContext, renderSummary } from './registration-list.rows.js';
import { registrationListStyles } from './registration-list.styles.js';
import { planAction } from './registration-list.validation.js';

/** The API's largest page. */
const MAX_PAGE_SIZE = 200;
const STATUSES = Object.keys(REGISTRATION_TRANSITIONS) as RegistrationStatus[];
const isStatus = (value: string): value is RegistrationStatus =>
  (STATUSES as string[]).includes(value);

interface ListState {
  role: Role;
  view: ListView;
  rows: Registration[];
  page: Page<Registration>;
}

/**
 * A partner's deal registrations, or the vendor's approval queue. Partners see status, decision
 * due time, expiry countdown, reasons and the history of each registration, and may request an
 * extension, withdraw or comment. Vendor reviewers see the submitted registrations, SLA breaches
 * first, with overlapping claims side by side, and approve or reject them.
 *
 * @summary A partner's registrations, or the vendor's approval queue.
 *
 * @event prm-registration-changed - A person approved, rejected, withdrew, asked for an extension or commented. `action` says which; `registration` is its state afterwards.
 * @event prm-error - An action failed; `error` is the SDK error (it is also shown at the row).
 *
 * @csspart heading - The list's heading.
 * @csspart toolbar - The status filter and the count.
 * @csspart filter - The status filter (partner view).
 * @csspart announcement - The result of the last action, in words (a status message).
 * @csspart list - The list of registrations.
 * @csspart row - One registration.
 * @csspart expand-button - The button that opens a row's details (its name is the account).
 * @csspart facts - A row's partner, products, value and status.
 * @csspart partner - The partner's name (queue).
 * @csspart products - The products.
 * @csspart value - The estimated value.
 * @csspart status - The status: symbol and words.
 * @csspart deadline - Decision due or expiry, relative and absolute.
 * @csspart flag - Every marker: "SLA breached", "Contested".
 * @csspart sla-flag - The "SLA breached" marker.
 * @csspart contested-flag - The "Contested" marker.
 * @csspart rejection - The rejection reason and code.
 * @csspart conflicts - Overlapping claims, side by side.
 * @csspart claim - One side of a conflict.
 * @csspart this-claim - This registration's side.
 * @csspart other-claim - The other claim's side, with who has priority.
 * @csspart detail - The opened details of a row.
 * @csspart detail-facts - Submitted, expected close, margin, extensions granted.
 * @csspart timeline - The audit history.
 * @csspart comments - The conversation.
 * @csspart extensions - Extension requests.
 * @csspart actions - A partner's actions on an opened row.
 * @csspart extension-form - Request an extension (approved registrations).
 * @csspart extension-submit - Its submit button.
 * @csspart comment-form - Add a comment.
 * @csspart comment-submit - Its submit button.
 * @csspart withdraw-button - Withdraw (asks for confirmation).
 * @csspart withdraw-confirm - The confirmation question and its buttons.
 * @csspart withdraw-confirm-button - Confirms the withdrawal.
 * @csspart decision - Approve and reject buttons (queue).
 * @csspart approve-button - Opens the approval form.
 * @csspart reject-button - Opens the rejection form.
 * @csspart approve-form - The approval form with an optional note.
 * @csspart approve-submit - Confirms the approval.
 * @csspart reject-form - The rejection form: code and reason.
 * @csspart reject-submit - Confirms the rejection.
 * @csspart field - A form control.
 * @csspart field-error - A field's message.
 * @csspart row-error - An action's error at its row.
 * @csspart load-more-button - Loads the next page.
 * @csspart loading - The loading state.
 * @csspart empty - The empty state.
 * @csspart error - An error, with a retry.
 * @csspart retry-button - Retry after an error.
 *
 * @cssproperty --prm-color-accent - Buttons and the expand chevrons.
 * @cssproperty --prm-color-green - Status "approved" and "won".
 * @cssproperty --prm-color-amber - "Submitted", "Contested".
 * @cssproperty --prm-color-red - "Rejected", "Lost", "SLA breached" (and the edge of a breached row).
 * @cssproperty --prm-registration-list-row-gap - Space between rows. Default: `var(--prm-space)`.
 */
export class PrmRegistrationList extends PrmElement<RegistrationListMessageKey> {
  static override styles = [baseStyles, registrationListStyles];
  protected readonly messages = registrationListMessages;

  /** `partner` (own registrations) or `queue` (submitted ones, to decide). @default by the caller's role */
  @property({ reflect: true }) view: ListView | undefined;

  /** Show only registrations in this status (partner view), e.g. `approved`. @default every status */
  @property({ reflect: true }) status: RegistrationStatus | '' = '';

  /** Rows fetched per page; "Load more" fetches the next page. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 25;

  @state() private expanded = new Set<string>();
  @state() private audits = new Map<string, AuditState>();
  @state() private names = new Map<string, string>();
  @state() private working: { id: string; action: string } | undefined;
  @state() private rowErrors = new Map<string, unknown>();
  @state() private fieldErrors = new Map<
    string,
    Partial<Record<string, RegistrationListMessageKey>>
  >();
  @state() private confirmingWithdraw: string | undefined;
  @state() private deciding: { id: string; decision: Decision } | undefined;
  @state() private announcement = '';
  @state() private loadingMore = false;
  @state() private loadMoreError: unknown;

  /** Registration changes a `<prm-provider live>` reports: the list reloads through `refresh()`. */
  protected override readonly liveEventTypes: readonly EventType[] = [
    'registration.submitted',
    'registration.contested',
    'registration.approved',
    'registration.rejected',
    'registration.withdrawn',
    'registration.won',
    'registration.lost',
    'registration.expired',
    'registration.sla_breached',
    'registration.extension_requested',
    'registration.extension_approved',
    'registration.extension_rejected',
    'registration.commented',
    'registration.escalated',
  ];

  /** The query the rows on screen answer; a new one starts from a clean slate. */
  private loadedQuery = '';

  private readonly data = this.apiTask(
    () => [this.view, this.status, this.pageSize] as const,
    async (client, [forced, status, pageSize], signal): Promise<ListState> => {
      const me = await client.sessions.me({ signal });
      const view: ListView =
        forced === 'partner' || forced === 'queue'
          ? forced
          : isPartnerRole(me.user.role)
            ? 'partner'
            : 'queue';
      const filter = view === 'partner' && isStatus(status) ? status : undefined;
      const size = Math.min(Math.max(Math.trunc(pageSize) || 25, 1), MAX_PAGE_SIZE);
      const query = `${view}|${filter ?? ''}|${size}`;
      const same = query === this.loadedQuery;
      // Reloading the same list keeps as many rows as were shown, so a refresh loses no place.
      const shown = same ? (this.data.value?.rows.length ?? 0) : 0;
      const limit = Math.min(Math.max(size, shown), MAX_PAGE_SIZE);
      const page = await client.registrations.list(
        view === 'queue'
          ? { status: 'submitted', sort: 'queue', limit }
          : { ...(filter ? { status: filter } : {}), limit },
        { signal },
      );
      this.loadedQuery = query;
      if (same) this.keepRowState(page.data);
      else this.resetRowState();
      void this.lookUpNames(client, page.data, me.user.role);
      return { role: me.user.role, view, rows: [...page.data], page };
    },
  );

  /**
   * Loads the list again (a `<prm-provider live>` calls this when registrations change). The rows
   * shown so far are reloaded in place; opened rows stay open with their history reloaded.
   */
  refresh(): Promise<void> {
    return this.data.run();
  }

  private keepRowState(rows: Registration[]): void {
    const present = new Set(rows.map((row) => row.id));
    this.expanded = new Set([...this.expanded].filter((id) => present.has(id)));
    this.audits = new Map([...this.audits].filter(([id]) => this.expanded.has(id)));
    for (const id of this.expanded) void this.loadAudit(id);
  }

  /** Countdowns ("due in 3 hours") are rendered from the clock: keep them current. */
  private clock: ReturnType<typeof setInterval> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.clock = setInterval(() => this.requestUpdate(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.clock);
  }

  protected override retryAfterReconnect(): void {
    if (this.data.error) void this.data.run();
  }

  private resetRowState(): void {
    this.expanded = new Set();
    this.audits = new Map();
    this.rowErrors = new Map();
    this.fieldErrors = new Map();
    this.confirmingWithdraw = undefined;
    this.deciding = undefined;
    this.loadMoreError = undefined;
  }

  /**
   * Registrations carry ids only: names are looked up once each, in the background; a row shows
   * the id until its name arrives (or if the lookup fails).
   */
  private async lookUpNames(client: PrmClient, rows: Registration[], role: Role): Promise<void> {
    const wanted = new Map<string, () => Promise<string>>();
    for (const row of rows) {
      const accountKey = `account:${row.accountId}`;
      if (!this.names.has(accountKey)) {
        wanted.set(accountKey, async () => (await client.accounts.get(row.accountId)).name);
      }
      if (isPartnerRole(role)) continue;
      for (const partnerId of [row.partnerId, ...row.conflicts.map((c) => c.partnerId)]) {
        const key = `partner:${partnerId}`;
        if (partnerId && !this.names.has(key)) {
          wanted.set(key, async () => (await client.partners.get(partnerId)).name);
        }
      }
    }
    const found = await Promise.allSettled(
      [...wanted].map(async ([key, look]) => [key, await look()] as const),
    );
    const names = new Map(this.names);
    for (const result of found) if (result.status === 'fulfilled') names.set(...result.value);
    this.names = names;
  }

  private context(view: ListView): RowContext {
    return {
      t: (key, params) => this.t(key, params),
      language: this.language,
      now: new Date(),
      view,
      accountName: (id) => this.names.get(`account:${id}`) ?? id,
      partnerName: (id) => this.names.get(`partner:${id}`) ?? id,
    };
  }

  // ——— Rows: open, load more ———

  private toggle(registration: Registration): void {
    const expanded = new Set(this.expanded);
    if (expanded.delete(registration.id)) {
      this.expanded = expanded;
      return;
    }
    expanded.add(registration.id);
    this.expanded = expanded;
    void this.loadAudit(registration.id);
  }

  private async loadAudit(id: string): Promise<void> {
    const client = this.api;
    if (!client) return;
    const retry = () => void this.loadAudit(id);
    // A reload keeps the history on screen until the new one arrives.
    const shown = this.audits.get(id)?.events;
    this.setAudit(id, shown ? { events: shown, retry } : { retry });
    try {
      const { data } = await client.registrations.audit(id);
      this.setAudit(id, { events: data, retry });
    } catch (error) {
      this.setAudit(id, { error, retry });
    }
  }

  private setAudit(id: string, audit: AuditState): void {
    this.audits = new Map(this.audits).set(id, audit);
  }

  private async loadMore(list: ListState): Promise<void> {
    const client = this.api;
    if (!client || this.loadingMore || !list.page.hasMore) return;
    this.loadingMore = true;
    this.loadMoreError = undefined;
    try {
      const next = await list.page.nextPage();
      if (!next || this.data.value !== list) return;
      const known = new Set(list.rows.map((row) => row.id));
      // Offsets shift when decided rows leave the queue: never show a row twice.
      const fresh = next.data.filter((row) => !known.has(row.id));
      list.rows = [...list.rows, ...fresh];
      list.page = next;
      this.announcement = this.t('loadedMore', { count: fresh.length });
      void this.lookUpNames(client, fresh, list.role);
      const first = fresh[0];
      if (first) await this.focusById(`toggle-${first.id}`);
    } catch (error) {
      this.loadMoreError = error;
    } finally {
      this.loadingMore = false;
    }
  }

  private async focusById(id: string): Promise<void> {
    await this.updateComplete;
    (this.renderRoot.querySelector(`[id="${CSS.escape(id)}"]`) as HTMLElement | null)?.focus();
  }

  // ——— Actions ———

  private readonly handlers: RowActionHandlers = {
    submit: (form, registration, element) => void this.submitForm(form, registration, element),
    withdraw: (registration) =>
      void this.act(registration, 'withdraw', 'withdraw', (client) =>
        client.registrations.withdraw(registration.id),
      ),
    confirmWithdraw: (registration, confirming) => {
      this.confirmingWithdraw = confirming ? registration.id : undefined;
      void this.focusById(
        confirming ? `withdraw-yes-${registration.id}` : `withdraw-${registration.id}`,
      );
    },
    openDecision: (registration, decision) => {
      // Closing a form returns the focus to the button that opened it.
      const closing = this.deciding?.id === registration.id ? this.deciding.decision : undefined;
      this.deciding = decision ? { id: registration.id, decision } : undefined;
      this.setFieldErrors(registration.id, {});
      void this.focusById(
        decision === 'approve'
          ? fieldId('approve', 'note', registration)
          : decision === 'reject'
            ? fieldId('reject', 'code', registration)
            : `${closing ?? 'approve'}-${registration.id}`,
      );
    },
  };

  private setFieldErrors(id: string, errors: Partial<Record<string, RegistrationListMessageKey>>) {
    this.fieldErrors = new Map(this.fieldErrors).set(id, errors);
  }

  /** Checks a form, shows its field messages and focuses the first wrong field, or runs it. */
  private async submitForm(
    form: FormName,
    registration: Registration,
    element: HTMLFormElement,
  ): Promise<void> {
    const planned = planAction(form, registration.id, new FormData(element));
    if ('errors' in planned) {
      const prefixed = Object.fromEntries(
        Object.entries(planned.errors).map(([field, key]) => [`${form}.${field}`, key]),
      );
      this.setFieldErrors(registration.id, prefixed);
      const first = Object.keys(planned.errors)[0];
      if (first) await this.focusById(fieldId(form, first, registration));
      return;
    }
    const done = await this.act(registration, planned.action, form, planned.run);
    if (done) element.reset();
  }

  /** Runs one action on a row: the row updates, the page hears of it, a person hears the result. */
  private async act(
    registration: Registration,
    action: RegistrationAction,
    working: string,
    run: (client: PrmClient) => Promise<Registration>,
  ): Promise<boolean> {
    const client = this.api;
    const list = this.data.value;
    if (!client || !list || this.working) return false;
    this.working = { id: registration.id, action: working };
    this.setFieldErrors(registration.id, {});
    const rowErrors = new Map(this.rowErrors);
    rowErrors.delete(registration.id);
    this.rowErrors = rowErrors;
    this.announcement = '';
    try {
      const updated = await run(client);
      this.dispatchEvent(new PrmRegistrationChangedEvent(action, updated));
      this.applyChange(list, updated, action);
      return true;
    } catch (error) {
      this.rowErrors = new Map(this.rowErrors).set(registration.id, error);
      this.dispatchEvent(new PrmErrorEvent(error));
      return false;
    } finally {
      this.working = undefined;
    }
  }

  private applyChange(list: ListState, updated: Registration, action: RegistrationAction): void {
    const name = this.names.get(`account:${updated.accountId}`) ?? updated.accountId;
    const index = list.rows.findIndex((row) => row.id === updated.id);
    if (list.view === 'queue' && updated.status !== 'submitted') {
      // Approving one rejects the overlapping pending ones: they leave the queue with it.
      const gone = new Set([updated.id, ...updated.conflicts.map((c) => c.id)]);
      list.rows = list.rows.filter((row) => !gone.has(row.id));
      this.deciding = undefined;
      this.announcement =
        this.t(action === 'approve' ? 'approvedDone' : 'rejectedDone', { name }) +
        (list.rows.length === 0 ? ` ${this.t('queueDone')}` : '');
      const next = list.rows[Math.min(Math.max(index, 0), list.rows.length - 1)];
      void this.focusById(next ? `toggle-${next.id}` : 'announcement');
      return;
    }
    list.rows = list.rows.map((row) => (row.id === updated.id ? updated : row));
    this.confirmingWithdraw = undefined;
    this.announcement =
      action === 'withdraw'
        ? this.t('withdrawnDone')
        : action === 'request-extension'
          ? this.t('extensionRequested', { days: updated.extensions.at(-1)?.days ?? '' })
          : action === 'comment'
            ? this.t('commented')
            : this.t(action === 'approve' ? 'approvedDone' : 'rejectedDone', { name });
    if (this.expanded.has(updated.id)) void this.loadAudit(updated.id);
    if (action === 'withdraw') void this.focusById(`toggle-${updated.id}`);
  }

  private changeFilter(event: Event): void {
    this.status = (event.target as HTMLSelectElement).value as RegistrationStatus | '';
  }

  // ——— Rendering ———

  protected override render(): unknown {
    return renderTask(this.data, this.language, {
      complete: (list) => this.renderList(list),
    });
  }

  private renderList(list: ListState): TemplateResult {
    const ctx = this.context(list.view);
    const queue = list.view === 'queue';
    const headingId = 'heading';
    return html`
      <section class="list-card" aria-labelledby=${headingId} aria-busy=${this.data.status === TaskStatus.PENDING ? 'true' : 'false'}>
        <h2 id=${headingId} part="heading">${this.t(queue ? 'queueHeading' : 'partnerHeading')}</h2>
        <div class="toolbar" part="toolbar">
          ${queue ? nothing : this.renderFilter()}
          <p class="muted count">${this.t('shown', { count: list.rows.length })}</p>
        </div>
        <p id="announcement" class="announcement" part="announcement" role="status" tabindex="-1"
          >${this.announcement}</p
        >
        ${
          list.rows.length === 0
            ? renderEmpty(
                this.t(queue ? 'emptyQueue' : this.status ? 'emptyFiltered' : 'emptyPartner'),
              )
            : html`<ul class="rows" part="list" role="list">
                ${repeat(
                  list.rows,
                  (row) => row.id,
                  (row) => this.renderRow(ctx, list, row),
                )}
              </ul>`
        }
        ${this.renderLoadMore(list)}
      </section>
    `;
  }

  private renderFilter(): TemplateResult {
    return html`<div class="filter">
      <label for="status-filter">${this.t('filterLabel')}</label>
      <select id="status-filter" part="filter" @change=${this.changeFilter}>
        <option value="" ?selected=${this.status === ''}>${this.t('filterAll')}</option>
        ${STATUSES.map(
          (status) =>
            html`<option value=${status} ?selected=${this.status === status}>${this.t(status)}</option>`,
        )}
      </select>
    </div>`;
  }

  private rowState(id: string): RowActionState {
    return {
      working: this.working?.id === id ? this.working.action : undefined,
      locked: this.working !== undefined,
      fieldErrors: this.fieldErrors.get(id) ?? {},
      confirmingWithdraw: this.confirmingWithdraw === id,
      deciding: this.deciding?.id === id ? this.deciding.decision : undefined,
    };
  }

  private renderRow(ctx: RowContext, list: ListState, registration: Registration): TemplateResult {
    const { id } = registration;
    const open = this.expanded.has(id);
    const name = ctx.accountName(registration.accountId);
    const state = this.rowState(id);
    const canDecide = list.view === 'queue' && !isPartnerRole(list.role);
    const rowError = this.rowErrors.get(id);
    return html`<li class="row" part="row" data-status=${registration.status}
      ?data-sla-breached=${registration.slaBreached && registration.status === 'submitted'}>
      <h3 class="row-title">
        <button type="button" class="expand" part="expand-button" id=${`toggle-${id}`}
          aria-expanded=${open ? 'true' : 'false'} aria-controls=${`detail-${id}`}
          @click=${() => this.toggle(registration)}>
          <span class="chevron" aria-hidden="true">${open ? '▾' : '▸'}</span>
          <span class="visually-hidden">${this.t('account')}: </span>${name}
        </button>
      </h3>
      ${renderSummary(ctx, registration)}
      ${list.view === 'queue' ? renderConflicts(ctx, registration) : nothing}
      ${rowError ? this.renderRowError(rowError) : nothing}
      ${canDecide ? renderDecision(ctx, registration, name, state, this.handlers) : nothing}
      <div class="detail" part="detail" id=${`detail-${id}`} ?hidden=${!open}>
        ${
          open
            ? html`${renderDetail(ctx, registration, this.audits.get(id))}
              ${
                isPartnerRole(list.role)
                  ? renderPartnerActions(ctx, registration, state, this.handlers)
                  : nothing
              }`
            : nothing
        }
      </div>
    </li>`;
  }

  /** Known refusals in the element's own words with the server's detail; others as shared errors. */
  private renderRowError(error: unknown): TemplateResult {
    const key = actionErrorKey(error);
    const detail = isPrmError(error) ? error.detail : undefined;
    return html`<div class="row-error" part="row-error">
      ${
        key
          ? html`<div class="status" part="error" role="alert" data-kind="error">
              <span><span aria-hidden="true">⚠</span> ${this.t(key)}</span>
              ${detail ? html`<p class="detail">${detail}</p>` : nothing}
            </div>`
          : renderError(this.language, error, undefined)
      }
    </div>`;
  }

  private renderLoadMore(list: ListState): unknown {
    if (!list.page.hasMore) return nothing;
    return html`<div class="more">
      ${this.loadMoreError ? renderError(this.language, this.loadMoreError, undefined) : nothing}
      <button type="button" class="secondary" part="load-more-button" ?disabled=${this.loadingMore}
        @click=${() => this.loadMore(list)}>
        ${this.loadingMore ? this.t('loadingMore') : this.t('loadMore')}
      </button>
    </div>`;
  }
}
