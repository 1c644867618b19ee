import type { EventType, Registration, RegistrationStatus, Role } from '@openprm/core';
import type { PrmClient } from '@openprm/sdk';
import { property, state } from 'lit/decorators.js';
import { PrmErrorEvent } from '../events/error.js';
import {
  PrmRegistrationChangedEvent,
  type RegistrationAction,
} from '../events/registration-changed.js';
import { TaskStatus } from '../shared/api-task.js';
import { PrmElement } from '../shared/prm-element.js';
import { renderTask } from '../shared/status-view.js';
import { badgeStyles, baseStyles } from '../shared/styles.js';
import {
  type Decision,
  decisionFocusId,
  type FormName,
  fieldId,
  formFieldErrors,
  type RowActionHandlers,
} from './registration-list.actions.js';
import {
  changedAnnouncement,
  decidedAnnouncement,
  freshRows,
  leavesQueue,
  withoutDecided,
} from './registration-list.changes.js';
import {
  type RegistrationListMessageKey,
  registrationListMessages,
} from './registration-list.messages.js';
import {
  LIVE_EVENT_TYPES,
  type ListState,
  listQuery,
  listRequest,
  lookUpNames,
  MAX_PAGE_SIZE,
} from './registration-list.query.js';
import { renderList } from './registration-list.render.js';
import { RowDetails } from './registration-list.row-details.js';
import type { ListView, RowContext } from './registration-list.rows.js';
import { registrationListStyles } from './registration-list.styles.js';
import { planAction } from './registration-list.validation.js';

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
  static override styles = [baseStyles, badgeStyles, registrationListStyles];
  protected readonly messages = registrationListMessages;

  /** `partner` (own registrations) or `queue` (submitted ones, to decide). @default by the caller's role */
  @property({ reflect: true }) view: ListView | undefined;

  /** Show only registrations in this status (partner view), e.g. `approved`. @default every status */
  @property({ reflect: true }) status: RegistrationStatus | '' = '';

  /** Rows fetched per page; "Load more" fetches the next page. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 25;

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
  protected override readonly liveEventTypes: readonly EventType[] = LIVE_EVENT_TYPES;

  private readonly details = new RowDetails(this, () => this.api);

  /** The query the rows on screen answer; a new one starts from a clean slate. */
  private loadedQuery = '';

  private readonly data = this.apiTask(
    () => [this.view, this.status, this.pageSize] as const,
    async (client, [forced, status, pageSize], signal): Promise<ListState> => {
      const me = await client.sessions.me({ signal });
      const query = listQuery(forced, status, pageSize, me.user.role);
      const same = query.key === this.loadedQuery;
      // Reloading the same list keeps as many rows as were shown, so a refresh loses no place.
      const shown = same ? (this.data.value?.rows.length ?? 0) : 0;
      const limit = Math.min(Math.max(query.size, shown), MAX_PAGE_SIZE);
      const page = await client.registrations.list(listRequest(query, limit), { signal });
      this.loadedQuery = query.key;
      if (same) this.details.keep(page.data);
      else this.resetRowState();
      void this.lookUpNames(client, page.data, me.user.role);
      return { role: me.user.role, view: query.view, rows: [...page.data], page };
    },
  );

  /**
   * Loads the list again (a `<prm-provider live>` calls this when registrations change). The rows
   * shown so far are reloaded in place; opened rows stay open with their history reloaded.
   */
  refresh(): Promise<void> {
    return this.data.run();
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
    this.details.reset();
    this.rowErrors = new Map();
    this.fieldErrors = new Map();
    this.confirmingWithdraw = undefined;
    this.deciding = undefined;
    this.loadMoreError = undefined;
  }

  /** Names arrive in the background: a row shows the id until its name is known. */
  private async lookUpNames(client: PrmClient, rows: Registration[], role: Role): Promise<void> {
    const found = await lookUpNames(client, rows, role, this.names);
    this.names = new Map([...this.names, ...found]);
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

  // ——— Rows: load more ———

  private async loadMore(list: ListState): Promise<void> {
    const client = this.api;
    if (!client || this.loadingMore || !list.page.hasMore) return;
    this.loadingMore = true;
    this.loadMoreError = undefined;
    try {
      const next = await list.page.nextPage();
      if (!next || this.data.value !== list) return;
      const fresh = freshRows(list.rows, next.data);
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
      void this.focusById(decisionFocusId(registration, decision, closing));
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
      this.setFieldErrors(registration.id, formFieldErrors(form, planned.errors));
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
    const ctx = { t: this.t.bind(this) };
    if (leavesQueue(list, updated)) {
      const index = list.rows.findIndex((row) => row.id === updated.id);
      list.rows = withoutDecided(list.rows, updated);
      this.deciding = undefined;
      this.announcement = decidedAnnouncement(ctx, action, name, list.rows.length === 0);
      const next = list.rows[Math.min(Math.max(index, 0), list.rows.length - 1)];
      void this.focusById(next ? `toggle-${next.id}` : 'announcement');
      return;
    }
    list.rows = list.rows.map((row) => (row.id === updated.id ? updated : row));
    this.confirmingWithdraw = undefined;
    this.announcement = changedAnnouncement(ctx, action, updated, name);
    if (this.details.expanded.has(updated.id)) void this.details.load(updated.id);
    if (action === 'withdraw') void this.focusById(`toggle-${updated.id}`);
  }

  private changeFilter(event: Event): void {
    this.status = (event.target as HTMLSelectElement).value as RegistrationStatus | '';
  }

  // ——— Rendering ———

  protected override render(): unknown {
    return renderTask(this.data, this.language, {
      complete: (list) =>
        renderList({
          ctx: this.context(list.view),
          list,
          busy: this.data.status === TaskStatus.PENDING,
          status: this.status,
          announcement: this.announcement,
          expanded: this.details.expanded,
          audits: this.details.audits,
          rowErrors: this.rowErrors,
          actions: {
            working: this.working,
            fieldErrors: this.fieldErrors,
            confirmingWithdraw: this.confirmingWithdraw,
            deciding: this.deciding,
          },
          handlers: this.handlers,
          loadingMore: this.loadingMore,
          loadMoreError: this.loadMoreError,
          onToggle: (registration) => this.details.toggle(registration),
          onFilter: (event) => this.changeFilter(event),
          onLoadMore: (loaded) => void this.loadMore(loaded),
        }),
    });
  }
}
