import type {
  EventType,
  Reservation,
  ReservationCheck,
  ReservationCheckStatus,
} from '@openprm/core';
import type { PrmClient } from '@openprm/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PrmErrorEvent } from '../events/error.js';
import { PrmReservationChangedEvent } from '../events/reservation-changed.js';
import { formatDate, formatRelativeTime } from '../shared/format.js';
import { PrmElement } from '../shared/prm-element.js';
import { renderError, renderTask } from '../shared/status-view.js';
import { badgeStyles, baseStyles } from '../shared/styles.js';
import {
  type ReservationCheckMessageKey,
  reservationCheckMessages,
} from './reservation-check.messages.js';
import { reservationCheckStyles } from './reservation-check.styles.js';

const ICONS: Record<ReservationCheckStatus, string> = {
  open: '✓',
  reserved_by_you: '★',
  reserved_by_other: '✕',
  vendor_direct: '◆',
};

type Action = 'reserve' | 'renew' | 'release';

/**
 * May I call on this account? Shows the account's reservation status in words and a symbol, and
 * reserves it in one click (or renews or releases the caller's own reservation).
 *
 * @summary Check an account's reservation and reserve it in one click.
 *
 * @event prm-reservation-changed - The caller reserved, renewed or released the account. `check` is the new status, `reservation` the record.
 * @event prm-error - A reserve, renew or release failed; `error` is the SDK error.
 *
 * @csspart card - The box around everything.
 * @csspart account - The account's name.
 * @csspart badge - The status: symbol and text.
 * @csspart hint - The sentence explaining the status.
 * @csspart actions - The row of buttons.
 * @csspart reserve-button - Reserve (when the account is open).
 * @csspart renew-button - Renew (the caller's own reservation).
 * @csspart release-button - Release (the caller's own reservation).
 * @csspart loading - The loading state.
 * @csspart error - An error, with a retry.
 * @csspart retry-button - Retry after an error.
 *
 * @cssproperty --prm-color-green - Status "open".
 * @cssproperty --prm-color-red - Status "reserved by another partner".
 * @cssproperty --prm-color-amber - Status "vendor-direct".
 * @cssproperty --prm-color-accent - Buttons and "reserved by you".
 */
export class PrmReservationCheck extends PrmElement<ReservationCheckMessageKey> {
  static override styles = [baseStyles, badgeStyles, reservationCheckStyles];
  protected readonly messages = reservationCheckMessages;

  /** The account to check, e.g. `acc_acme`. */
  @property({ attribute: 'account-id' }) accountId = '';

  /** Limit a new reservation to one region of the account tree. @default every region */
  @property() region: string | undefined;

  protected override readonly liveEventTypes: readonly EventType[] = [
    'reservation.created',
    'reservation.renewed',
    'reservation.released',
    'reservation.expired',
  ];

  @state() private busy: Action | undefined;
  @state() private actionError: unknown;
  @state() private announcement = '';

  private readonly data = this.apiTask(
    () => [this.accountId] as const,
    async (client, [accountId], signal) => {
      if (!accountId) return undefined;
      const [check, account] = await Promise.all([
        client.reservations.check(accountId, { signal }),
        client.accounts.get(accountId, { signal }),
      ]);
      return { check, accountName: account.name };
    },
  );

  /** Loads the status again, e.g. after a page learned of a change elsewhere. */
  refresh(): Promise<void> {
    return this.data.run();
  }

  protected override retryAfterReconnect(): void {
    if (this.data.error) void this.data.run();
  }

  private async act(action: Action, check: ReservationCheck): Promise<void> {
    const client = this.api;
    if (!client || this.busy) return;
    this.busy = action;
    this.actionError = undefined;
    this.announcement = '';
    try {
      const reservation = await this.perform(client, action, check);
      await this.data.run();
      const next = this.data.value?.check;
      if (next) this.dispatchEvent(new PrmReservationChangedEvent(next, reservation));
      this.announcement =
        action === 'release'
          ? this.t('released')
          : this.t(action === 'reserve' ? 'reserved' : 'renewed', {
              date: formatDate(this.language, reservation.expiresAt),
            });
    } catch (error) {
      this.actionError = error;
      this.dispatchEvent(new PrmErrorEvent(error));
    } finally {
      this.busy = undefined;
    }
  }

  private perform(
    client: PrmClient,
    action: Action,
    check: ReservationCheck,
  ): Promise<Reservation> {
    const reservationId = check.reservation?.id ?? '';
    if (action === 'renew') return client.reservations.renew(reservationId);
    if (action === 'release') return client.reservations.release(reservationId);
    return client.reservations.reserve({
      accountId: check.accountId,
      ...(this.region ? { region: this.region } : {}),
    });
  }

  protected override render() {
    return renderTask(this.data, this.language, {
      initial: () => this.renderHint(this.t('chooseAccount')),
      isEmpty: (value) => value === undefined,
      empty: () => this.renderHint(this.t('chooseAccount')),
      complete: (value) => (value ? this.renderCheck(value.check, value.accountName) : nothing),
    });
  }

  private renderHint(text: string) {
    return html`<div class="card" part="card"><p class="hint" part="hint">${text}</p></div>`;
  }

  private renderCheck(check: ReservationCheck, accountName: string) {
    const { status, reservation } = check;
    const date = reservation ? formatDate(this.language, reservation.expiresAt) : '';
    const hints: Record<ReservationCheckStatus, string> = {
      open: this.t('openHint'),
      reserved_by_you: this.t('reservedByYouHint', {
        date,
        relative: reservation
          ? formatRelativeTime(this.language, reservation.expiresAt, new Date())
          : '',
      }),
      reserved_by_other: this.t('reservedByOtherHint', { date }),
      vendor_direct: this.t('vendorDirectHint'),
    };
    const elsewhere =
      reservation && reservation.accountId !== check.accountId
        ? this.t('reservedOnRelative', { accountId: reservation.accountId })
        : undefined;
    return html`
      <section class="card" part="card" aria-labelledby="account" aria-busy=${this.busy ? 'true' : 'false'}>
        <p class="account" part="account" id="account">
          <span class="visually-hidden">${this.t('account')}: </span>${accountName}
        </p>
        <div role="status" aria-live="polite">
          <span class="badge" part="badge" data-status=${status}>
            <span aria-hidden="true">${ICONS[status]}</span>${this.t(status)}
          </span>
        </div>
        <p class="hint" part="hint">${hints[status]}${elsewhere ? html` ${elsewhere}` : nothing}</p>
        ${this.renderActions(check)}
        ${this.actionError ? renderError(this.language, this.actionError, undefined) : nothing}
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </section>
    `;
  }

  private renderActions(check: ReservationCheck) {
    const button = (action: Action, label: string, kind = '') => html`
      <button
        type="button"
        class=${kind}
        part="${action}-button"
        ?disabled=${this.busy !== undefined}
        @click=${() => this.act(action, check)}
      >
        ${this.busy === action ? this.t('working') : label}
      </button>
    `;
    if (check.status === 'open') {
      return html`<div class="actions" part="actions">${button('reserve', this.t('reserve'))}</div>`;
    }
    if (check.status === 'reserved_by_you' && check.reservation?.id) {
      return html`<div class="actions" part="actions">
        ${button('renew', this.t('renew'))} ${button('release', this.t('release'), 'secondary')}
      </div>`;
    }
    return nothing;
  }
}
