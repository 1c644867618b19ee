import type { PrmClient } from '@openprm/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import type { PrmAccountChangedEvent } from '../events/account-changed.js';
import { formatNumber } from '../shared/format.js';
import type { Locale } from '../shared/localize.js';
import { renderError } from '../shared/status-view.js';
import { renderAccountStatus } from './registration-form.account-status.js';
import { currencyOptions } from './registration-form.currencies.js';
import type { RegistrationFormMessageKey } from './registration-form.messages.js';
import {
  FIELDS,
  type FieldName,
  type FormValues,
  NOTES_MAX,
} from './registration-form.validation.js';

type Translate = (
  key: RegistrationFormMessageKey,
  params?: Record<string, string | number>,
) => string;

/** The id of each field's control: links in the error summary and focus go there. */
export const FIELD_IDS: Record<FieldName, string> = {
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

/** What the form shows, and where the person's input goes: the element's state and handlers. */
export interface FormView {
  t: Translate;
  locale: Locale;
  /** The element's own `locale` property, handed on to the nested elements as it is. */
  localeProperty: string | undefined;
  client: PrmClient | undefined;
  values: FormValues;
  productDraft: string;
  productSuggestions: string;
  fieldErrors: ReadonlySet<FieldName>;
  otherErrors: readonly string[];
  accountStatus: Parameters<typeof renderAccountStatus>[1];
  submitting: boolean;
  submitError: unknown;
  onSubmit(event: Event): void;
  onRetry(): void;
  onAccountChange(event: PrmAccountChangedEvent): void;
  onValue(field: 'amount' | 'closeDate' | 'currency' | 'notes', value: string): void;
  onProductInput(event: Event): void;
  onProductKeydown(event: KeyboardEvent): void;
  onAddDraft(): void;
  onRemoveProduct(product: string): void;
  onFocusField(field: FieldName): void;
}

const requiredMark = () => html`<span aria-hidden="true"> *</span>`;

const fieldMessage = (view: FormView, field: FieldName): string =>
  view.t(ERROR_KEYS[field], { max: formatNumber(view.locale, NOTES_MAX) });

const renderFieldError = (view: FormView, field: FieldName) => {
  if (!view.fieldErrors.has(field)) return nothing;
  return html`<p class="field-error" part="field-error" id="${FIELD_IDS[field]}-error">
    <span aria-hidden="true">⚠ </span>${fieldMessage(view, field)}
  </p>`;
};

const renderSummary = (view: FormView) => {
  const fields = FIELDS.filter((field) => view.fieldErrors.has(field));
  const count = fields.length + view.otherErrors.length;
  if (count === 0) return nothing;
  return html`
    <div
      class="summary"
      part="error-summary"
      role="alert"
      tabindex="-1"
      aria-labelledby="summary-heading"
    >
      <h3 id="summary-heading">${view.t('summaryHeading', { count })}</h3>
      <ul>
        ${fields.map(
          (field) => html`<li>
            <a
              href="#${FIELD_IDS[field]}"
              @click=${(event: Event) => {
                event.preventDefault();
                view.onFocusField(field);
              }}
              >${fieldMessage(view, field)}</a
            >
          </li>`,
        )}
        ${view.otherErrors.map((message) => html`<li>${message}</li>`)}
      </ul>
    </div>
  `;
};

const renderInput = (
  view: FormView,
  field: 'amount' | 'closeDate',
  label: RegistrationFormMessageKey,
  attributes: {
    type: string;
    inputmode?: string;
    min?: string;
    step?: string;
    required: boolean;
  },
) => {
  const id = FIELD_IDS[field];
  const invalid = view.fieldErrors.has(field);
  return html`
    <div class="field" part="field">
      <label for=${id}>${view.t(label)}${requiredMark()}</label>
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
        .value=${view.values[field]}
        @input=${(event: Event) => view.onValue(field, (event.target as HTMLInputElement).value)}
      />
      ${renderFieldError(view, field)}
    </div>
  `;
};

const renderCurrency = (view: FormView) => {
  const invalid = view.fieldErrors.has('currency');
  const { currency } = view.values;
  return html`
    <div class="field" part="field">
      <label for="currency">${view.t('currency')}${requiredMark()}</label>
      <select
        id="currency"
        required
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${invalid ? 'currency-error' : nothing}
        @change=${(event: Event) =>
          view.onValue('currency', (event.target as HTMLSelectElement).value)}
      >
        ${currencyOptions(view.locale, currency).map(
          (option) =>
            html`<option value=${option.code} ?selected=${option.code === currency}>
              ${option.label}
            </option>`,
        )}
      </select>
      ${renderFieldError(view, 'currency')}
    </div>
  `;
};

const renderNotes = (view: FormView) => {
  const { notes } = view.values;
  const invalid = view.fieldErrors.has('notes');
  return html`
    <div class="field" part="field">
      <label for="notes">${view.t('notes')}</label>
      <textarea
        id="notes"
        rows="4"
        maxlength=${NOTES_MAX}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${['notes-hint', invalid ? 'notes-error' : ''].join(' ').trim()}
        .value=${notes}
        @input=${(event: Event) => view.onValue('notes', (event.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p class="hint" id="notes-hint">
        ${view.t('notesHint', {
          max: formatNumber(view.locale, NOTES_MAX),
          count: formatNumber(view.locale, notes.length),
        })}
      </p>
      ${renderFieldError(view, 'notes')}
    </div>
  `;
};

const renderProducts = (view: FormView) => {
  const invalid = view.fieldErrors.has('products');
  const suggestions = view.productSuggestions
    .split(',')
    .map((product) => product.trim())
    .filter(Boolean);
  return html`
    <div class="field" part="field">
      <label for="products">${view.t('products')}${requiredMark()}</label>
      <p class="hint" id="products-hint">${view.t('productsHint')}</p>
      ${
        view.values.products.length > 0
          ? html`<ul class="chips" part="products-list" aria-label=${view.t('chosenProducts')}>
              ${view.values.products.map(
                (product) => html`<li class="chip" part="product">
                  <span>${product}</span>
                  <button
                    type="button"
                    class="secondary chip-remove"
                    aria-label=${view.t('removeProduct', { name: product })}
                    @click=${() => view.onRemoveProduct(product)}
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
          .value=${view.productDraft}
          @input=${view.onProductInput}
          @keydown=${view.onProductKeydown}
        />
        <button type="button" class="secondary" @click=${() => view.onAddDraft()}>
          ${view.t('addProduct')}
        </button>
      </div>
      ${
        suggestions.length > 0
          ? html`<datalist id="product-suggestions">
              ${suggestions.map((product) => html`<option value=${product}></option>`)}
            </datalist>`
          : nothing
      }
      ${renderFieldError(view, 'products')}
    </div>
  `;
};

/** The form itself: the fields, their messages and the summary, a failed submission, submit. */
export const renderForm = (view: FormView): TemplateResult => html`
  <form part="form" novalidate @submit=${view.onSubmit} aria-labelledby="form-heading">
    <h2 id="form-heading" part="heading">${view.t('heading')}</h2>
    ${renderSummary(view)}
    <p class="muted">${view.t('requiredNote')}</p>
    <div class="field" part="field">
      <prm-account-lookup
        id="account"
        .client=${view.client}
        .locale=${view.localeProperty}
        label=${view.t('account')}
        required
        value=${view.values.accountId}
        error=${view.fieldErrors.has('account') ? view.t('errorAccount') : ''}
        exportparts="input: account-input, listbox: account-listbox, option: account-option"
        @prm-account-changed=${view.onAccountChange}
      ></prm-account-lookup>
      ${renderAccountStatus(view.values.accountId, view.accountStatus, view.t, view.locale)}
    </div>
    ${renderProducts(view)}
    <div class="row">
      ${renderInput(view, 'amount', 'amount', {
        type: 'number',
        inputmode: 'decimal',
        min: '0',
        step: 'any',
        required: true,
      })}
      ${renderCurrency(view)}
    </div>
    ${renderInput(view, 'closeDate', 'closeDate', { type: 'date', required: true })}
    ${renderNotes(view)}
    ${view.submitError ? renderError(view.locale, view.submitError, view.onRetry) : nothing}
    <div class="actions">
      <button type="submit" part="submit-button" ?disabled=${view.submitting}>
        ${view.submitting ? view.t('submitting') : view.t('submit')}
      </button>
    </div>
  </form>
`;
