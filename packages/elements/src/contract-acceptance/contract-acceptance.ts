import type { Acceptance, EventType, GatedAction, PendingContract } from '@openprm/core';
import { isPermissionError } from '@openprm/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PrmContractAcceptedEvent } from '../events/contract-accepted.js';
import { PrmErrorEvent } from '../events/error.js';
import { TaskStatus } from '../shared/api-task.js';
import { formatDate, formatDateTime } from '../shared/format.js';
import { PrmElement } from '../shared/prm-element.js';
import { renderEmpty, renderError, renderTask } from '../shared/status-view.js';
import { baseStyles } from '../shared/styles.js';
import { documentBlocks } from './contract-acceptance.document.js';
import {
  type ContractAcceptanceMessageKey,
  contractAcceptanceMessages,
} from './contract-acceptance.messages.js';
import { contractAcceptanceStyles } from './contract-acceptance.styles.js';

interface Receipt {
  title: string;
  acceptance: Acceptance;
}

const keyOf = (contract: { contractId: string; version: number }) =>
  `${contract.contractId}@${contract.version}`;

/**
 * The terms the caller's partner still has to accept, one document after another: the readable
 * text, an explicit "I have read and accept" checkbox, an Accept button, and a receipt with the
 * version, the text's SHA-256 fingerprint and the time.
 *
 * @summary Pending terms, a readable document, explicit acceptance and a receipt.
 *
 * @event prm-contract-accepted - The person accepted a contract version; `acceptance` is the receipt (contract, version, hash, time).
 * @event prm-error - Accepting failed; `error` is the SDK error.
 *
 * @csspart card - The box around everything.
 * @csspart progress - "Document 1 of 2" when several are pending.
 * @csspart title - The contract's title.
 * @csspart meta - Version and publication date.
 * @csspart document - The scrollable text of the contract.
 * @csspart agree - The checkbox and its label.
 * @csspart accept-button - Accept.
 * @csspart receipts - The list of receipts accepted here.
 * @csspart receipt - One receipt.
 * @csspart done - "All terms are accepted."
 * @csspart loading - The loading state.
 * @csspart empty - "No terms waiting for you".
 * @csspart error - An error, with a retry.
 * @csspart retry-button - Retry after an error.
 *
 * @cssproperty --prm-contract-document-height - Height of the scrollable document. Default `20rem`.
 * @cssproperty --prm-color-accent - Buttons and the checkbox.
 * @cssproperty --prm-color-green - The edge of a receipt.
 */
export class PrmContractAcceptance extends PrmElement<ContractAcceptanceMessageKey> {
  static override styles = [baseStyles, contractAcceptanceStyles];
  protected readonly messages = contractAcceptanceMessages;

  /** Show only the contracts that gate this action, e.g. `registration.submit`. @default every pending contract */
  @property() gate: GatedAction | undefined;

  @state() private receipts: Receipt[] = [];
  @state() private agreed = false;
  @state() private accepting = false;
  @state() private acceptError: unknown;

  private readonly pending = this.apiTask(
    () => [this.gate] as const,
    async (client, [gate], signal) => {
      const { data } = await client.contracts.pending({ signal });
      return gate ? data.filter((contract) => contract.gates.includes(gate)) : data;
    },
  );

  /** Inside `<prm-provider live>`, a newly published version shows up without a reload. */
  protected override readonly liveEventTypes: readonly EventType[] = ['contract.version_published'];

  /** How many of the loaded contracts are still to accept; `undefined` until they are loaded. */
  get remaining(): number | undefined {
    return this.pending.status === TaskStatus.COMPLETE ? this.open().length : undefined;
  }

  /** Loads the pending contracts again. */
  refresh(): Promise<void> {
    return this.pending.run();
  }

  protected override retryAfterReconnect(): void {
    if (this.pending.error) void this.pending.run();
  }

  private open(): PendingContract[] {
    const accepted = new Set(this.receipts.map((receipt) => keyOf(receipt.acceptance)));
    return (this.pending.value ?? []).filter((contract) => !accepted.has(keyOf(contract)));
  }

  private async accept(contract: PendingContract): Promise<void> {
    const client = this.api;
    if (!client || !this.agreed || this.accepting) return;
    this.accepting = true;
    this.acceptError = undefined;
    try {
      const acceptance = await client.contracts.accept(contract.contractId, contract.version, {
        hash: contract.hash,
        accepted: true,
      });
      this.receipts = [...this.receipts, { title: contract.title, acceptance }];
      this.agreed = false;
      await this.updateComplete;
      // The accepted document is gone: focus its receipt, which says what happened.
      this.renderRoot.querySelector<HTMLElement>('[part="receipt"]:last-child')?.focus();
      this.dispatchEvent(new PrmContractAcceptedEvent(acceptance));
    } catch (error) {
      this.acceptError = error;
      this.dispatchEvent(new PrmErrorEvent(error));
    } finally {
      this.accepting = false;
    }
  }

  protected override render() {
    if (this.pending.status === TaskStatus.ERROR && isPermissionError(this.pending.error)) {
      return html`${renderError(this.language, this.pending.error, undefined)}
        <p class="muted">${this.t('partnersOnly')}</p>`;
    }
    return renderTask(this.pending, this.language, {
      isEmpty: (contracts) => contracts.length === 0,
      empty: () => renderEmpty(this.t('empty')),
      complete: (contracts) => this.renderContracts(contracts),
    });
  }

  private renderContracts(all: PendingContract[]) {
    const open = this.open();
    const current = open[0];
    return html`
      <section class="card" part="card" aria-labelledby="heading">
        <h2 id="heading" class="visually-hidden">${this.t('heading')}</h2>
        ${this.renderReceipts()}
        ${current ? this.renderDocument(current, all.length - open.length + 1, all.length) : html`<p class="done" part="done">${this.t('allAccepted')}</p>`}
      </section>
    `;
  }

  private renderReceipts() {
    if (this.receipts.length === 0) return nothing;
    return html`
      <div role="status">
      <ul class="receipts" part="receipts">
        ${this.receipts.map(
          ({ title, acceptance }) => html`
            <li class="receipt" part="receipt" tabindex="-1">
              <p>
                <strong><span aria-hidden="true">✓ </span>${this.t('receiptHeading')}:</strong>
                ${this.t('receipt', {
                  title,
                  version: acceptance.version,
                  time: formatDateTime(this.language, acceptance.acceptedAt),
                })}
              </p>
              <p class="muted">${this.t('fingerprint')} <code>${acceptance.hash}</code></p>
            </li>
          `,
        )}
      </ul>
      </div>
    `;
  }

  private renderDocument(contract: PendingContract, position: number, total: number) {
    const params = { title: contract.title, version: contract.version };
    return html`
      ${total > 1 ? html`<p class="meta" part="progress">${this.t('progress', { current: position, total })}</p>` : nothing}
      <h3 id="title" part="title">${contract.title}</h3>
      <p class="meta" part="meta">
        ${this.t('version', { version: contract.version })} ·
        ${this.t('published', { date: formatDate(this.language, contract.publishedAt) })}
      </p>
      <article
        class="document"
        part="document"
        tabindex="0"
        aria-label=${this.t('documentLabel', params)}
      >
        ${documentBlocks(contract.content).map((block) =>
          block.heading
            ? html`<p class="section-heading">${block.text}</p>`
            : html`<p>${block.text}</p>`,
        )}
      </article>
      <div class="agree" part="agree">
        <input
          id="agree"
          type="checkbox"
          .checked=${this.agreed}
          @change=${(event: Event) => {
            this.agreed = (event.target as HTMLInputElement).checked;
          }}
        />
        <label for="agree">${this.t('agree', params)}</label>
      </div>
      <div class="actions">
        <button
          type="button"
          part="accept-button"
          ?disabled=${!this.agreed || this.accepting}
          @click=${() => this.accept(contract)}
        >
          ${this.accepting ? this.t('accepting') : this.t('accept')}
        </button>
      </div>
      ${this.acceptError ? renderError(this.language, this.acceptError, undefined) : nothing}
    `;
  }
}
