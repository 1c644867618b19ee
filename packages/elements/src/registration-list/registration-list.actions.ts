import { MANUAL_REJECTION_CODES, type Registration } from '@openprm/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { RegistrationListMessageKey } from './registration-list.messages.js';
import { codeLabel, type RowContext } from './registration-list.rows.js';

export type FormName = 'extension' | 'comment' | 'approve' | 'reject';
export type Decision = 'approve' | 'reject';

/** A row's action state: which action runs, which form is open, what is wrong with it. */
export interface RowActionState {
  working: string | undefined;
  /** Any action on any row is running: other buttons wait. */
  locked: boolean;
  /** Field messages keyed `form.field`, e.g. `reject.reason`. */
  fieldErrors: Partial<Record<string, RegistrationListMessageKey>>;
  confirmingWithdraw: boolean;
  deciding: Decision | undefined;
}

export interface RowActionHandlers {
  submit: (form: FormName, registration: Registration, element: HTMLFormElement) => void;
  withdraw: (registration: Registration) => void;
  confirmWithdraw: (registration: Registration, confirming: boolean) => void;
  openDecision: (registration: Registration, decision: Decision | undefined) => void;
}

/** `reject-reason-reg_1`: ids inside the shadow root, unique per row. */
export const fieldId = (form: FormName, field: string, registration: Registration): string =>
  `${form}-${field}-${registration.id}`;

/** Field messages keyed `form.field`, as `RowActionState.fieldErrors` holds them. */
export const formFieldErrors = (
  form: FormName,
  errors: Partial<Record<string, RegistrationListMessageKey>>,
): Partial<Record<string, RegistrationListMessageKey>> =>
  Object.fromEntries(Object.entries(errors).map(([field, key]) => [`${form}.${field}`, key]));

/**
 * Where focus goes when a decision form opens (its first field) or closes (the button that
 * opened it, `closing`).
 */
export const decisionFocusId = (
  registration: Registration,
  decision: Decision | undefined,
  closing: Decision | undefined,
): string =>
  decision === 'approve'
    ? fieldId('approve', 'note', registration)
    : decision === 'reject'
      ? fieldId('reject', 'code', registration)
      : `${closing ?? 'approve'}-${registration.id}`;

/** What the element tracks of the actions on its rows. */
export interface ActionsState {
  working: { id: string; action: string } | undefined;
  fieldErrors: ReadonlyMap<string, Partial<Record<string, RegistrationListMessageKey>>>;
  confirmingWithdraw: string | undefined;
  deciding: { id: string; decision: Decision } | undefined;
}

/** One row's share of the actions state. */
export const rowActionState = (actions: ActionsState, id: string): RowActionState => ({
  working: actions.working?.id === id ? actions.working.action : undefined,
  locked: actions.working !== undefined,
  fieldErrors: actions.fieldErrors.get(id) ?? {},
  confirmingWithdraw: actions.confirmingWithdraw === id,
  deciding: actions.deciding?.id === id ? actions.deciding.decision : undefined,
});

interface FieldOptions {
  form: FormName;
  field: string;
  label: string;
  kind: 'input' | 'textarea' | 'select';
  required?: boolean;
  options?: readonly { value: string; label: string }[];
  inputmode?: string;
}

const renderField = (
  ctx: RowContext,
  registration: Registration,
  state: RowActionState,
  options: FieldOptions,
): TemplateResult => {
  const id = fieldId(options.form, options.field, registration);
  const error = state.fieldErrors[`${options.form}.${options.field}`];
  const errorId = `${id}-error`;
  const common = {
    id,
    name: options.field,
    invalid: error ? 'true' : 'false',
    describedby: error ? errorId : undefined,
    required: options.required ? 'true' : undefined,
  };
  const control =
    options.kind === 'textarea'
      ? html`<textarea id=${common.id} name=${common.name} rows="3" part="field"
          aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.describedby)}
          aria-required=${ifDefined(common.required)}></textarea>`
      : options.kind === 'select'
        ? html`<select id=${common.id} name=${common.name} part="field"
            aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.describedby)}
            aria-required=${ifDefined(common.required)}>
            <option value="">${ctx.t('chooseCode')}</option>
            ${(options.options ?? []).map((option) => html`<option value=${option.value}>${option.label}</option>`)}
          </select>`
        : html`<input id=${common.id} name=${common.name} part="field" inputmode=${ifDefined(options.inputmode)}
            autocomplete="off" aria-invalid=${common.invalid} aria-describedby=${ifDefined(common.describedby)}
            aria-required=${ifDefined(common.required)} />`;
  return html`<div class="field">
    <label for=${id}>${options.label}</label>
    ${control}
    ${
      error
        ? html`<p class="field-error" id=${errorId} part="field-error">
            <span aria-hidden="true">⚠</span> ${ctx.t(error)}
          </p>`
        : nothing
    }
  </div>`;
};

const submitButton = (
  ctx: RowContext,
  state: RowActionState,
  form: FormName,
  label: string,
  kind = '',
) =>
  html`<button type="submit" class=${kind} part="${form}-submit" ?disabled=${state.locked}>
    ${state.working === form ? ctx.t('working') : label}
  </button>`;

const onSubmit =
  (handlers: RowActionHandlers, form: FormName, registration: Registration) =>
  (event: SubmitEvent) => {
    event.preventDefault();
    handlers.submit(form, registration, event.currentTarget as HTMLFormElement);
  };

/** What the owning partner may do, by status: extend (approved), withdraw, comment. */
export const renderPartnerActions = (
  ctx: RowContext,
  registration: Registration,
  state: RowActionState,
  handlers: RowActionHandlers,
): TemplateResult => {
  const { status } = registration;
  const withdrawable = status === 'submitted' || status === 'approved';
  return html`<div class="actions-panel" part="actions">
    ${
      status === 'approved'
        ? html`<form class="action-form" part="extension-form" novalidate
            @submit=${onSubmit(handlers, 'extension', registration)}>
            <p class="section-title">${ctx.t('requestExtension')}</p>
            ${renderField(ctx, registration, state, { form: 'extension', field: 'justification', label: ctx.t('justification'), kind: 'textarea', required: true })}
            ${renderField(ctx, registration, state, { form: 'extension', field: 'days', label: ctx.t('days'), kind: 'input', required: true, inputmode: 'numeric' })}
            <div class="buttons">${submitButton(ctx, state, 'extension', ctx.t('requestExtension'))}</div>
          </form>`
        : nothing
    }
    <form class="action-form" part="comment-form" novalidate @submit=${onSubmit(handlers, 'comment', registration)}>
      ${renderField(ctx, registration, state, { form: 'comment', field: 'body', label: ctx.t('comment'), kind: 'textarea', required: true })}
      <div class="buttons">${submitButton(ctx, state, 'comment', ctx.t('addComment'), 'secondary')}</div>
    </form>
    ${withdrawable ? renderWithdraw(ctx, registration, state, handlers) : nothing}
  </div>`;
};

const renderWithdraw = (
  ctx: RowContext,
  registration: Registration,
  state: RowActionState,
  handlers: RowActionHandlers,
): TemplateResult =>
  state.confirmingWithdraw
    ? html`<div class="confirm" part="withdraw-confirm" role="group" aria-labelledby=${`withdraw-q-${registration.id}`}>
        <p id=${`withdraw-q-${registration.id}`}>${ctx.t('withdrawConfirm')}</p>
        <div class="buttons">
          <button type="button" class="danger" part="withdraw-confirm-button" id=${`withdraw-yes-${registration.id}`}
            ?disabled=${state.locked}
            @click=${() => handlers.withdraw(registration)}>
            ${state.working === 'withdraw' ? ctx.t('working') : ctx.t('withdrawYes')}
          </button>
          <button type="button" class="secondary" ?disabled=${state.locked}
            @click=${() => handlers.confirmWithdraw(registration, false)}>${ctx.t('cancel')}</button>
        </div>
      </div>`
    : html`<div class="buttons">
        <button type="button" class="secondary" part="withdraw-button" id=${`withdraw-${registration.id}`}
          ?disabled=${state.locked} @click=${() => handlers.confirmWithdraw(registration, true)}>
          ${ctx.t('withdraw')}
        </button>
      </div>`;

const closeOnEscape =
  (handlers: RowActionHandlers, registration: Registration) => (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    handlers.openDecision(registration, undefined);
  };

/** Approve and reject buttons of a queue row, and the form of the decision being made. */
export const renderDecision = (
  ctx: RowContext,
  registration: Registration,
  name: string,
  state: RowActionState,
  handlers: RowActionHandlers,
): TemplateResult => {
  if (state.deciding === 'approve') {
    return html`<form class="action-form decision" part="approve-form" novalidate
      aria-label=${ctx.t('approveTitle', { name })} @submit=${onSubmit(handlers, 'approve', registration)}
      @keydown=${closeOnEscape(handlers, registration)}>
      ${renderField(ctx, registration, state, { form: 'approve', field: 'note', label: ctx.t('approveNote'), kind: 'textarea' })}
      <div class="buttons">
        ${submitButton(ctx, state, 'approve', ctx.t('confirmApprove'))}
        <button type="button" class="secondary" ?disabled=${state.locked}
          @click=${() => handlers.openDecision(registration, undefined)}>${ctx.t('cancel')}</button>
      </div>
    </form>`;
  }
  if (state.deciding === 'reject') {
    const codes = MANUAL_REJECTION_CODES.map((code) => ({
      value: code,
      label: codeLabel(ctx, code),
    }));
    return html`<form class="action-form decision" part="reject-form" novalidate
      aria-label=${ctx.t('rejectTitle', { name })} @submit=${onSubmit(handlers, 'reject', registration)}
      @keydown=${closeOnEscape(handlers, registration)}>
      ${renderField(ctx, registration, state, { form: 'reject', field: 'code', label: ctx.t('rejectCode'), kind: 'select', required: true, options: codes })}
      ${renderField(ctx, registration, state, { form: 'reject', field: 'reason', label: ctx.t('rejectReason'), kind: 'textarea', required: true })}
      <div class="buttons">
        ${submitButton(ctx, state, 'reject', ctx.t('confirmReject'), 'danger')}
        <button type="button" class="secondary" ?disabled=${state.locked}
          @click=${() => handlers.openDecision(registration, undefined)}>${ctx.t('cancel')}</button>
      </div>
    </form>`;
  }
  return html`<div class="buttons decision-buttons" part="decision">
    <button type="button" part="approve-button" id=${`approve-${registration.id}`}
      aria-label=${ctx.t('approveTitle', { name })}
      ?disabled=${state.locked} @click=${() => handlers.openDecision(registration, 'approve')}>
      <span aria-hidden="true">✓</span> ${ctx.t('approve')}
    </button>
    <button type="button" class="secondary" part="reject-button" id=${`reject-${registration.id}`}
      aria-label=${ctx.t('rejectTitle', { name })}
      ?disabled=${state.locked} @click=${() => handlers.openDecision(registration, 'reject')}>
      <span aria-hidden="true">✕</span> ${ctx.t('reject')}
    </button>
  </div>`;
};
