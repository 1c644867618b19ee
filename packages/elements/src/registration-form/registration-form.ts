import type { Account, EventType, Registration } from '@openprm/core';
import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { PrmAccountLookup } from '../account-lookup/account-lookup.js';
import type { PrmContractAcceptance } from '../contract-acceptance/contract-acceptance.js';
import type { PrmAccountChangedEvent } from '../events/account-changed.js';
import { PrmErrorEvent } from '../events/error.js';
import { PrmRegistrationSubmittedEvent } from '../events/registration-submitted.js';
import { MissingClientError } from '../shared/errors.js';
import { PrmElement } from '../shared/prm-element.js';
import { badgeStyles, baseStyles } from '../shared/styles.js';
import { FIELD_IDS, type FormView, renderForm } from './registration-form.fields.js';
import {
  type RegistrationFormMessageKey,
  registrationFormMessages,
} from './registration-form.messages.js';
import { renderResult } from './registration-form.result.js';
import { registrationFormStyles } from './registration-form.styles.js';
import { sendRegistration } from './registration-form.submission.js';
import { renderTerms } from './registration-form.terms.js';
import {
  type FieldName,
  type FormValues,
  invalidFields,
  SubmissionKey,
  toInput,
  typeProducts,
  validateInput,
  withProducts,
} from './registration-form.validation.js';

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
  static override styles = [baseStyles, badgeStyles, registrationFormStyles];
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

  private onProductInput(event: Event): void {
    const typed = typeProducts((event.target as HTMLInputElement).value, this.values.products);
    if (typed.products !== this.values.products) this.set('products', typed.products);
    this.productDraft = typed.draft;
  }

  private onProductKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    this.addDraft();
  }

  private addDraft(): void {
    const products = withProducts(this.values.products, this.productDraft);
    if (products !== this.values.products) this.set('products', products);
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
      const outcome = await sendRegistration(client, input, this.submissionKey);
      if (outcome.kind === 'registered') await this.showResult(outcome.registration);
      else if (outcome.kind === 'invalid') this.showErrors(outcome.errors);
      else if (outcome.kind === 'terms-required') await this.showTerms();
      else {
        this.submitError = outcome.error;
        this.dispatchEvent(new PrmErrorEvent(outcome.error));
      }
    } finally {
      this.submitting = false;
    }
  }

  private async showResult(registration: Registration): Promise<void> {
    this.resultAccountName = this.lookup?.account?.name ?? this.account?.name ?? '';
    this.result = registration;
    this.termsShown = false;
    this.resubmitAfterTerms = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="result"]')?.focus();
    this.dispatchEvent(new PrmRegistrationSubmittedEvent(registration));
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

  /** Shows the terms gate (or reloads it when it was already shown) and moves focus there. */
  private async showTerms(): Promise<void> {
    this.resubmitAfterTerms = true;
    const wasShown = this.termsShown;
    this.termsShown = true;
    await this.updateComplete;
    if (wasShown) await this.terms?.refresh();
    this.renderRoot.querySelector<HTMLElement>('#terms-heading')?.focus();
  }

  /** Once every gating contract is accepted, a submission that waited for it is sent again. */
  private onContractAccepted(): void {
    if (this.terms?.remaining !== 0 || !this.resubmitAfterTerms) return;
    this.resubmitAfterTerms = false;
    void this.submit();
  }

  /** The form's state and handlers for `renderForm`. */
  private formView(): FormView {
    return {
      t: (key, params) => this.t(key, params),
      locale: this.language,
      localeProperty: this.locale,
      client: this.api,
      values: this.values,
      productDraft: this.productDraft,
      productSuggestions: this.productSuggestions,
      fieldErrors: this.fieldErrors,
      otherErrors: this.otherErrors,
      accountStatus: this.accountStatus,
      submitting: this.submitting,
      submitError: this.submitError,
      onSubmit: (event) => this.onSubmit(event),
      onRetry: () => this.submit(),
      onAccountChange: (event) => this.onAccountChange(event),
      onValue: (field, value) => this.set(field, value),
      onProductInput: (event) => this.onProductInput(event),
      onProductKeydown: (event) => this.onProductKeydown(event),
      onAddDraft: () => this.addDraft(),
      onRemoveProduct: (product) => this.removeProduct(product),
      onFocusField: (field) => this.focusField(field),
    };
  }

  protected override render() {
    return html`
      ${
        this.termsShown
          ? renderTerms({
              t: (key) => this.t(key),
              client: this.api,
              localeProperty: this.locale,
              waiting: this.resubmitAfterTerms,
              onAccepted: () => this.onContractAccepted(),
            })
          : nothing
      }
      ${
        this.result
          ? renderResult(this.result, {
              t: (key, params) => this.t(key, params),
              locale: this.language,
              accountName: this.resultAccountName,
              now: new Date(),
              onReset: () => this.reset(),
            })
          : renderForm(this.formView())
      }
    `;
  }
}
