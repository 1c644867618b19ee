import type { Account, EventType, Registration } from '@openprm/core';
import { isContractAcceptanceRequiredError, isValidationError } from '@openprm/sdk';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { PrmAccountLookup } from '../account-lookup/account-lookup.js';
import type { PrmContractAcceptance } from '../contract-acceptance/contract-acceptance.js';
import type { PrmAccountChangedEvent } from '../events.js';
import { PrmErrorEvent, PrmRegistrationSubmittedEvent } from '../events.js';
import { MissingClientError } from '../shared/errors.js';
import { formatNumber } from '../shared/format.js';
import { PrmElement } from '../shared/prm-element.js';
import { renderError } from '../shared/status-view.js';
import { baseStyles } from '../shared/styles.js';
import { renderAccountStatus } from './registration-form.account-status.js';
import { currencyOptions } from './registration-form.currencies.js';
import {
  type RegistrationFormMessageKey,
  registrationFormMessages,
} from './registration-form.messages.js';
import { renderResult } from './registration-form.result.js';
import { registrationFormStyles } from './registration-form.styles.js';
import {
  FIELDS,
  type FieldName,
  type FormValues,
  invalidFields,
  NOTES_MAX,
  SubmissionKey,
  splitProducts,
  toInput,
  validateInput,
} from './registration-form.validation.js';

const FIELD_IDS: Record<FieldName, string> = {
  account: 'account',
  products: 'products',
  amount: 'amount',
  currency: 'currency',
  closeDate: 'close-date',
  notes: 'notes',
};

const ERROR_KEYS: Record<FieldName, RegistrationFormMessageKey> = {
  account: 'errorAccount',
  products: 'errorProducts',
  amount: 'errorAmount',
  currency: 'errorCurrency',
  closeDate: 'errorCloseDate',
  notes: 'errorNotes',
};

/**
 * Registers a deal: find the customer account (with its live reservation status), the products,
 * the estimated value and currency, the expected close date and notes. Checks the input with the
 * contract's schema before sending, shows pending terms inline and sends the registration again
 * once they are accepted, never registers twice (one `Idempotency-Key` per filled-in form), and
 * answers with the decision due time, the conflicts and their priority, or the reason of an
 * automatic rejection.
 *
 * @summary Deal registration with account lookup, validation, terms gate and an idempotent submit.
 *
 * @event prm-registration-submitted - The registration was stored; `registration` is the record (status, `decisionDueAt`, `conflicts`, `rejection`).
 * @event prm-contract-accepted - From the inline terms: the person accepted a contract version.
 * @event prm-account-changed - From the account lookup: the person chose an account or typed over it.
 * @event prm-error - A submission failed; `error` is the SDK error.
 *
 * @csspart form - The `<form>`.
 * @csspart heading - The form's heading.
 * @csspart error-summary - The list of problems shown after a failed submit, with links to the fields.
 * @csspart field - Each field's wrapper (label, input, hint, message).
 * @csspart field-error - A message at a field.
 * @csspart account-status - The chosen account's reservation status in words and a symbol.
 * @csspart account-status-badge - The status itself (symbol and word) inside `account-status`.
 * @csspart products-list - The chosen products.
 * @csspart product - One chosen product with its remove button.
 * @csspart submit-button - Register deal.
 * @csspart terms - The inline terms gate around `<prm-contract-acceptance>`.
 * @csspart result - The answer after a submission (role status).
 * @csspart outcome - Registered, contested or rejected, with a symbol.
 * @csspart decision-due - When the vendor must decide.
 * @csspart conflicts - The overlapping claims and their priority.
 * @csspart conflict - One overlapping claim (`data-priority` is `theirs` or `ours`).
 * @csspart rejection-reason - Why the registration was rejected at once.
 * @csspart rejection-code - The rejection's code, e.g. `vendor_direct_account`.
 * @csspart reset-button - Register another deal.
 * @csspart error - A failed submission, with a retry.
 * @csspart retry-button - Retry a failed submission (same idempotency key).
 *
 * @cssproperty --prm-color-danger - Field messages and the error summary.
 * @cssproperty --prm-color-green - A registered deal and the "open" status.
 * @cssproperty --prm-color-amber - A contested deal and the "vendor-direct" status.
 * @cssproperty --prm-color-red - A rejected deal and "reserved by another partner".
 * @cssproperty --prm-color-accent - Buttons.
 */
export class PrmRegistrationForm extends PrmElement<RegistrationFormMessageKey> {
  static override styles = [baseStyles, registrationFormStyles];
  protected readonly messages = registrationFormMessages;

  /** Preselects the customer account, e.g. `acc_acme`. */
  @property({ attribute: 'account-id' }) accountId = '';

  /** The currency chosen at first (ISO 4217). */
  @property() currency = 'EUR';

  /** Products to suggest while typing, comma-separated, e.g. `storage, networking`. */
  @property({ attribute: 'product-suggestions' }) productSuggestions = '';

  /** Vendor roles: the partner to register on behalf of. Partner roles leave it empty. */
  @property({ attribute: 'partner-id' }) partnerId = '';

  @state() private values: FormValues = this.blankValues();
  @state() private account: Account | undefined;
  /** The registered account's name for the result (a preselected account never sent a change event). */
  @state() private resultAccountName = '';
  @state() private productDraft = '';
  @state() private fieldErrors = new Set<FieldName>();
  @state() private otherErrors: string[] = [];
  @state() private submitting = false;
  @state() private submitError: unknown;
  @state() private result: Registration | undefined;
  @state() private termsShown = false;
  @state() private resubmitAfterTerms = false;

  @query('prm-account-lookup') private lookup!: PrmAccountLookup | null;
  @query('prm-contract-acceptance') private terms!: PrmContractAcceptance | null;

  private readonly submissionKey = new SubmissionKey();

  /**
   * Inside `<prm-provider live>`, the chosen account's status follows reservations as they change,
   * and the terms gate follows terms published or accepted elsewhere.
   */
  protected override readonly liveEventTypes: readonly EventType[] = [
    'reservation.created',
    'reservation.renewed',
    'reservation.released',
    'reservation.expired',
    'contract.version_published',
    'contract.accepted',
  ];

  /** Pending terms that gate registrations show up front; vendor roles have none (403). */
  private readonly pendingTerms = this.apiTask(
    () => [] as const,
    async (client, _args, signal) => {
      try {
        const { data } = await client.contracts.pending({ signal });
        const gated = data.some((contract) => contract.gates.includes('registration.submit'));
        // Accepted elsewhere on the page (or in another tab): the gate goes, unless a
        // registration waits for it, which the gate's own acceptance sends.
        if (gated) this.termsShown = true;
        else if (!this.resubmitAfterTerms) this.termsShown = false;
      } catch {
        // The submission answers `contract_acceptance_required` when it matters.
      }
    },
  );

  private readonly accountStatus = this.apiTask(
    () => [this.values.accountId] as const,
    async (client, [accountId], signal) =>
      accountId ? client.reservations.check(accountId, { signal }) : undefined,
  );

  private blankValues(): FormValues {
    return {
      accountId: this.accountId,
      products: [],
      amount: '',
      currency: this.currency,
      closeDate: '',
      notes: '',
    };
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('accountId') && !this.result) {
      this.values = { ...this.values, accountId: this.accountId };
    }
    if (changed.has('currency') && !this.result) {
      this.values = { ...this.values, currency: this.currency };
    }
  }

  /** Loads the chosen account's reservation status and the pending terms again. */
  async refresh(): Promise<void> {
    await Promise.all([this.accountStatus.run(), this.pendingTerms.run()]);
  }

  protected override retryAfterReconnect(): void {
    if (this.accountStatus.error) void this.accountStatus.run();
    void this.pendingTerms.run();
  }

  /** Empties the form for another deal; the next submission gets a new idempotency key. */
  reset(): void {
    this.submissionKey.forget();
    this.result = undefined;
    this.account = undefined;
    this.accountId = '';
    this.values = { ...this.blankValues(), accountId: '' };
    this.productDraft = '';
    this.fieldErrors = new Set();
    this.otherErrors = [];
    this.submitError = undefined;
    this.termsShown = false;
    this.resubmitAfterTerms = false;
    void this.pendingTerms.run();
    void this.updateComplete.then(() => this.lookup?.focus());
  }

  private set<K extends keyof FormValues>(field: K, value: FormValues[K]): void {
    this.values = { ...this.values, [field]: value };
  }

  private onAccountChange(event: PrmAccountChangedEvent): void {
    this.account = event.account;
    this.set('accountId', event.account?.id ?? '');
  }

  private addProducts(text: string): void {
    const added = splitProducts(text, this.values.products);
    if (added.length > 0) this.set('products', [...this.values.products, ...added]);
  }

  private onProductInput(event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    // A comma finishes a product; what follows the last comma is still being typed.
    const lastComma = text.lastIndexOf(',');
    if (lastComma === -1) {
      this.productDraft = text;
      return;
    }
    this.addProducts(text.slice(0, lastComma));
    this.productDraft = text.slice(lastComma + 1);
  }

  private onProductKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.addDraft();
  }

  private addDraft(): void {
    this.addProducts(this.productDraft);
    this.productDraft = '';
  }

  private async removeProduct(product: string): Promise<void> {
    this.set(
      'products',
      this.values.products.filter((candidate) => candidate !== product),
    );
    await this.updateComplete;
    this.focusField('products');
  }

  private focusField(field: FieldName): void {
    if (field === 'account') {
      this.lookup?.focus();
      return;
    }
    this.renderRoot.querySelector<HTMLElement>(`#${FIELD_IDS[field]}`)?.focus();
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.productDraft.trim()) this.addDraft();
    await this.submit();
  }

  private async submit(): Promise<void> {
    const client = this.api;
    if (this.submitting) return;
    this.submitError = undefined;
    const input = toInput(this.values, this.partnerId || undefined);
    if (!this.showErrors(validateInput(input))) return;
    if (!client) {
      this.submitError = new MissingClientError();
      return;
    }
    this.submitting = true;
    try {
      const registration = await client.registrations.submit(input, {
        idempotencyKey: this.submissionKey.for(input),
      });
      this.submissionKey.forget();
      this.resultAccountName = this.lookup?.account?.name ?? this.account?.name ?? '';
      this.result = registration;
      this.termsShown = false;
      this.resubmitAfterTerms = false;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="result"]')?.focus();
      this.dispatchEvent(new PrmRegistrationSubmittedEvent(registration));
    } catch (error) {
      await this.handleSubmitError(error);
    } finally {
      this.submitting = false;
    }
  }

  /** Marks the invalid fields and focuses the summary; `true` when there is nothing to show. */
  private showErrors(errors: readonly { path: string; message: string }[]): boolean {
    const { fields, other } = invalidFields(errors);
    this.fieldErrors = fields;
    this.otherErrors = other;
    if (errors.length === 0) return true;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[part="error-summary"]')?.focus(),
    );
    return false;
  }

  private async handleSubmitError(error: unknown): Promise<void> {
    if (isValidationError(error)) {
      this.showErrors(
        error.errors.length > 0 ? error.errors : [{ path: '', message: error.detail }],
      );
      return;
    }
    if (isContractAcceptanceRequiredError(error)) {
      this.resubmitAfterTerms = true;
      const wasShown = this.termsShown;
      this.termsShown = true;
      await this.updateComplete;
      if (wasShown) await this.terms?.refresh();
      this.renderRoot.querySelector<HTMLElement>('#terms-heading')?.focus();
      return;
    }
    this.submitError = error;
    this.dispatchEvent(new PrmErrorEvent(error));
  }

  /** Once every gating contract is accepted, a submission that waited for it is sent again. */
  private onContractAccepted(): void {
    if (this.terms?.remaining !== 0 || !this.resubmitAfterTerms) return;
    this.resubmitAfterTerms = false;
    void this.submit();
  }

  protected override render() {
    return html`
      ${this.termsShown ? this.renderTerms() : nothing}
      ${
        this.result
          ? renderResult(this.result, {
              t: (key, params) => this.t(key, params),
              locale: this.language,
              accountName: this.resultAccountName,
              now: new Date(),
              onReset: () => this.reset(),
            })
          : this.renderForm()
      }
    `;
  }

  private renderTerms() {
    return html`
      <section class="terms" part="terms" aria-labelledby="terms-heading">
        <h3 id="terms-heading" tabindex="-1">${this.t('termsHeading')}</h3>
        <p class="muted">
          ${this.t('termsIntro')} ${this.resubmitAfterTerms ? this.t('termsWaiting') : nothing}
        </p>
        <prm-contract-acceptance
          gate="registration.submit"
          .client=${this.api}
          .locale=${this.locale}
          exportparts="document, accept-button, receipt"
          @prm-contract-accepted=${this.onContractAccepted}
        ></prm-contract-acceptance>
      </section>
    `;
  }

  private renderForm() {
    const { values } = this;
    return html`
      <form part="form" novalidate @submit=${this.onSubmit} aria-labelledby="form-heading">
        <h2 id="form-heading" part="heading">${this.t('heading')}</h2>
        ${this.renderSummary()}
        <p class="muted">${this.t('requiredNote')}</p>
        <div class="field" part="field">
          <prm-account-lookup
            id="account"
            .client=${this.api}
            .locale=${this.locale}
            label=${this.t('account')}
            required
            value=${values.accountId}
            error=${this.fieldErrors.has('account') ? this.t('errorAccount') : ''}
            exportparts="input: account-input, listbox: account-listbox, option: account-option"
            @prm-account-changed=${this.onAccountChange}
          ></prm-account-lookup>
          ${renderAccountStatus(values.accountId, this.accountStatus, (key, params) => this.t(key, params), this.language)}
        </div>
        ${this.renderProducts()}
        <div class="row">
          ${this.renderInput('amount', 'amount', {
            type: 'number',
            inputmode: 'decimal',
            min: '0',
            step: 'any',
            required: true,
          })}
          <div class="field" part="field">
            <label for="currency">${this.t('currency')}${this.requiredMark()}</label>
            <select
              id="currency"
              required
              aria-invalid=${this.fieldErrors.has('currency') ? 'true' : 'false'}
              aria-describedby=${this.fieldErrors.has('currency') ? 'currency-error' : nothing}
              @change=${(event: Event) => this.set('currency', (event.target as HTMLSelectElement).value)}
            >
              ${currencyOptions(this.language, values.currency).map(
                (option) =>
                  html`<option value=${option.code} ?selected=${option.code === values.currency}>
                    ${option.label}
                  </option>`,
              )}
            </select>
            ${this.renderFieldError('currency')}
          </div>
        </div>
        ${this.renderInput('closeDate', 'closeDate', { type: 'date', required: true })}
        <div class="field" part="field">
          <label for="notes">${this.t('notes')}</label>
          <textarea
            id="notes"
            rows="4"
            maxlength=${NOTES_MAX}
            aria-invalid=${this.fieldErrors.has('notes') ? 'true' : 'false'}
            aria-describedby=${['notes-hint', this.fieldErrors.has('notes') ? 'notes-error' : ''].join(' ').trim()}
            .value=${values.notes}
            @input=${(event: Event) => this.set('notes', (event.target as HTMLTextAreaElement).value)}
          ></textarea>
          <p class="hint" id="notes-hint">
            ${this.t('notesHint', {
              max: formatNumber(this.language, NOTES_MAX),
              count: formatNumber(this.language, values.notes.length),
            })}
          </p>
          ${this.renderFieldError('notes')}
        </div>
        ${this.submitError ? renderError(this.language, this.submitError, () => this.submit()) : nothing}
        <div class="actions">
          <button type="submit" part="submit-button" ?disabled=${this.submitting}>
            ${this.submitting ? this.t('submitting') : this.t('submit')}
          </button>
        </div>
      </form>
    `;
  }

  private requiredMark() {
    return html`<span aria-hidden="true"> *</span>`;
  }

  private renderInput(
    field: 'amount' | 'closeDate',
    label: RegistrationFormMessageKey,
    attributes: {
      type: string;
      inputmode?: string;
      min?: string;
      step?: string;
      required: boolean;
    },
  ) {
    const id = FIELD_IDS[field];
    const invalid = this.fieldErrors.has(field);
    const value = field === 'amount' ? this.values.amount : this.values.closeDate;
    return html`
      <div class="field" part="field">
        <label for=${id}>${this.t(label)}${this.requiredMark()}</label>
        <input
          id=${id}
          type=${attributes.type}
          inputmode=${attributes.inputmode ?? nothing}
          min=${attributes.min ?? nothing}
          step=${attributes.step ?? nothing}
          autocomplete="off"
          ?required=${attributes.required}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? `${id}-error` : nothing}
          .value=${value}
          @input=${(event: Event) =>
            this.set(
              field === 'amount' ? 'amount' : 'closeDate',
              (event.target as HTMLInputElement).value,
            )}
        />
        ${this.renderFieldError(field)}
      </div>
    `;
  }

  private renderProducts() {
    const invalid = this.fieldErrors.has('products');
    const suggestions = this.productSuggestions
      .split(',')
      .map((product) => product.trim())
      .filter(Boolean);
    return html`
      <div class="field" part="field">
        <label for="products">${this.t('products')}${this.requiredMark()}</label>
        <p class="hint" id="products-hint">${this.t('productsHint')}</p>
        ${
          this.values.products.length > 0
            ? html`<ul class="chips" part="products-list" aria-label=${this.t('chosenProducts')}>
                ${this.values.products.map(
                  (product) => html`<li class="chip" part="product">
                    <span>${product}</span>
                    <button
                      type="button"
                      class="secondary chip-remove"
                      aria-label=${this.t('removeProduct', { name: product })}
                      @click=${() => this.removeProduct(product)}
                    >
                      <span aria-hidden="true">✕</span>
                    </button>
                  </li>`,
                )}
              </ul>`
            : nothing
        }
        <div class="inline">
          <input
            id="products"
            type="text"
            autocomplete="off"
            list=${suggestions.length > 0 ? 'product-suggestions' : nothing}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${['products-hint', invalid ? 'products-error' : ''].join(' ').trim()}
            .value=${this.productDraft}
            @input=${this.onProductInput}
            @keydown=${this.onProductKeydown}
          />
          <button type="button" class="secondary" @click=${() => this.addDraft()}>
            ${this.t('addProduct')}
          </button>
        </div>
        ${
          suggestions.length > 0
            ? html`<datalist id="product-suggestions">
                ${suggestions.map((product) => html`<option value=${product}></option>`)}
              </datalist>`
            : nothing
        }
        ${this.renderFieldError('products')}
      </div>
    `;
  }

  private fieldMessage(field: FieldName): string {
    return this.t(ERROR_KEYS[field], { max: formatNumber(this.language, NOTES_MAX) });
  }

  private renderFieldError(field: FieldName) {
    if (!this.fieldErrors.has(field)) return nothing;
    return html`<p class="field-error" part="field-error" id="${FIELD_IDS[field]}-error">
      <span aria-hidden="true">⚠ </span>${this.fieldMessage(field)}
    </p>`;
  }

  private renderSummary() {
    const fields = FIELDS.filter((field) => this.fieldErrors.has(field));
    const count = fields.length + this.otherErrors.length;
    if (count === 0) return nothing;
    return html`
      <div
        class="summary"
        part="error-summary"
        role="alert"
        tabindex="-1"
        aria-labelledby="summary-heading"
      >
        <h3 id="summary-heading">${this.t('summaryHeading', { count })}</h3>
        <ul>
          ${fields.map(
            (field) => html`<li>
              <a
                href="#${FIELD_IDS[field]}"
                @click=${(event: Event) => {
                  event.preventDefault();
                  this.focusField(field);
                }}
                >${this.fieldMessage(field)}</a
              >
            </li>`,
          )}
          ${this.otherErrors.map((message) => html`<li>${message}</li>`)}
        </ul>
      </div>
    `;
  }
}
