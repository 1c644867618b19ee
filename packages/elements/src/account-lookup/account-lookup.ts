import type { Account } from '@openprm/core';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PrmAccountChangedEvent } from '../events/account-changed.js';
import { TaskStatus } from '../shared/api-task.js';
import { PrmElement } from '../shared/prm-element.js';
import { renderError } from '../shared/status-view.js';
import { baseStyles } from '../shared/styles.js';
import { type AccountLookupMessageKey, accountLookupMessages } from './account-lookup.messages.js';
import { accountLookupStyles } from './account-lookup.styles.js';

/** Typing pauses this long before a search, so each keystroke does not cost a request. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * Finds a customer account as you type (forgiving: "ACME, Inc." = "Acme Inc" = acme.com) and lets
 * the person choose one: an ARIA 1.2 combobox with a listbox. Used inside
 * `<prm-registration-form>`; a page may use it on its own.
 *
 * @summary Account search as you type, an accessible combobox.
 *
 * @event prm-account-changed - The person chose an account (`account`), or typed over the chosen one (`account` is `undefined`).
 *
 * @csspart label - The field's label.
 * @csspart input - The text input (role combobox).
 * @csspart hint - The help text below the label.
 * @csspart listbox - The list of matching accounts.
 * @csspart option - One matching account.
 * @csspart field-error - The validation message set through `error`.
 * @csspart error - A failed search, with a retry.
 * @csspart retry-button - Retry a failed search.
 *
 * @cssproperty --prm-color-focus - The outline of the active option.
 */
export class PrmAccountLookup extends PrmElement<AccountLookupMessageKey> {
  static override styles = [baseStyles, accountLookupStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  protected readonly messages = accountLookupMessages;

  /** The chosen account's id; set it to preselect an account. */
  @property() value = '';

  /** The field's label. @default "Account" in the element's language */
  @property() label: string | undefined;

  /** A validation message to show at the field (marks the input invalid). */
  @property() error = '';

  /** Marks the field as required. */
  @property({ type: Boolean }) required = false;

  /** How many matches to list. */
  @property({ type: Number }) limit = 8;

  @state() private typed = '';
  @state() private query = '';
  @state() private expanded = false;
  @state() private activeIndex = -1;
  @state() private chosen: Account | undefined;

  private debounce: ReturnType<typeof setTimeout> | undefined;

  private readonly search = this.apiTask(
    () => [this.query, this.limit] as const,
    async (client, [query, limit], signal) => {
      if (query.trim() === '') return [];
      const page = await client.accounts.search({ query, limit }, { signal });
      return page.data;
    },
  );

  /** A preselected `value` shows the account's name. */
  private readonly preselected = this.apiTask(
    () => [this.value] as const,
    async (client, [id], signal) => {
      if (!id || this.chosen?.id === id) return;
      const account = await client.accounts.get(id, { signal });
      this.chosen = account;
      this.typed = account.name;
    },
  );

  /** The chosen account, if any. */
  get account(): Account | undefined {
    return this.chosen;
  }

  /** Forgets the chosen account and the typed text. */
  clear(): void {
    clearTimeout(this.debounce);
    this.chosen = undefined;
    this.value = '';
    this.typed = '';
    this.query = '';
    this.expanded = false;
    this.activeIndex = -1;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.debounce);
  }

  protected override retryAfterReconnect(): void {
    if (this.search.error) void this.search.run();
    if (this.preselected.error) void this.preselected.run();
  }

  /** The latest matches; while a newer search runs they stay, so the list does not flicker. */
  private get options(): Account[] {
    return this.search.status === TaskStatus.ERROR ? [] : (this.search.value ?? []);
  }

  private onInput(event: Event): void {
    this.typed = (event.target as HTMLInputElement).value;
    if (this.chosen) {
      this.chosen = undefined;
      this.value = '';
      this.dispatchEvent(new PrmAccountChangedEvent(undefined));
    }
    this.expanded = this.typed.trim() !== '';
    this.activeIndex = -1;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.query = this.typed;
    }, SEARCH_DEBOUNCE_MS);
  }

  private onKeydown(event: KeyboardEvent): void {
    const count = this.options.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (count === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        if (!this.expanded) {
          this.expanded = true;
          this.activeIndex = step === 1 ? 0 : count - 1;
        } else {
          this.activeIndex = (this.activeIndex + step + count) % count;
        }
        this.scrollActiveIntoView();
        return;
      }
      case 'Enter': {
        const account = this.expanded ? this.options[this.activeIndex] : undefined;
        if (account) {
          event.preventDefault();
          this.choose(account);
        }
        return;
      }
      case 'Escape':
        if (this.expanded) {
          event.preventDefault();
          event.stopPropagation();
          this.expanded = false;
          this.activeIndex = -1;
        }
        return;
    }
  }

  private async scrollActiveIntoView(): Promise<void> {
    await this.updateComplete;
    this.renderRoot
      .querySelector('[role="option"][aria-selected="true"]')
      ?.scrollIntoView?.({ block: 'nearest' });
  }

  /** Back in the input with the list open: the retry button that had focus is about to go. */
  private retrySearch(): Promise<void> {
    this.renderRoot.querySelector('input')?.focus();
    this.expanded = true;
    return this.search.run();
  }

  private choose(account: Account): void {
    clearTimeout(this.debounce);
    this.chosen = account;
    this.value = account.id;
    this.typed = account.name;
    this.expanded = false;
    this.activeIndex = -1;
    this.dispatchEvent(new PrmAccountChangedEvent(account));
  }

  protected override render() {
    const listed = this.expanded && this.options.length > 0;
    const active = listed ? this.options[this.activeIndex] : undefined;
    const describedBy = ['hint', this.error ? 'field-error' : ''].filter(Boolean).join(' ');
    return html`
      <div class="field">
        <label for="input" part="label">
          ${this.label ?? this.t('label')}${this.required ? html`<span aria-hidden="true"> *</span>` : nothing}
        </label>
        <p class="hint" part="hint" id="hint">${this.t('hint')}</p>
        <input
          id="input"
          part="input"
          type="text"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-controls="listbox"
          aria-expanded=${listed ? 'true' : 'false'}
          aria-activedescendant=${active ? `option-${active.id}` : nothing}
          aria-describedby=${describedBy}
          aria-invalid=${this.error ? 'true' : 'false'}
          ?required=${this.required}
          .value=${this.typed}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
          @blur=${() => {
            this.expanded = false;
          }}
        />
        <ul
          id="listbox"
          part="listbox"
          role="listbox"
          aria-label=${this.label ?? this.t('label')}
          ?hidden=${!listed}
          @mousedown=${(event: Event) => event.preventDefault()}
        >
          ${listed ? this.options.map((account, index) => this.renderOption(account, index)) : nothing}
        </ul>
        ${this.error ? html`<p class="field-error" part="field-error" id="field-error"><span aria-hidden="true">⚠ </span>${this.error}</p>` : nothing}
        ${this.search.status === TaskStatus.ERROR ? renderError(this.language, this.search.error, () => this.retrySearch()) : nothing}
        ${this.preselected.status === TaskStatus.ERROR ? renderError(this.language, this.preselected.error, () => this.preselected.run()) : nothing}
        <p class="visually-hidden" role="status">${this.announcement()}</p>
      </div>
    `;
  }

  private renderOption(account: Account, index: number) {
    const detail = [account.domain, account.country].filter(Boolean).join(' · ');
    return html`
      <li
        id="option-${account.id}"
        part="option"
        role="option"
        aria-selected=${index === this.activeIndex ? 'true' : 'false'}
        @click=${() => this.choose(account)}
      >
        <span>${account.name}</span>
        ${detail ? html`<span class="option-detail">${detail}</span>` : nothing}
      </li>
    `;
  }

  /** What a screen reader hears as the results change. */
  private announcement(): string {
    if (this.chosen) return this.t('chosen', { name: this.chosen.name });
    if (!this.expanded || this.query.trim() === '') return '';
    if (this.search.status === TaskStatus.PENDING) return this.t('searching');
    if (this.search.status !== TaskStatus.COMPLETE) return '';
    const count = this.options.length;
    return count === 0 ? this.t('noMatch', { query: this.query }) : this.t('results', { count });
  }
}
