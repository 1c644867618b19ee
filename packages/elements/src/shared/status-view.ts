import { html, nothing, type TemplateResult } from 'lit';
import { TaskStatus } from './api-task.js';
import { errorDetail, errorMessageKey } from './errors.js';
import type { Locale } from './localize.js';
import { translate } from './localize.js';
import { sharedMessages } from './shared.messages.js';

interface TaskLike<T> {
  status: TaskStatus;
  value?: T | undefined;
  error?: unknown;
  run(): Promise<void> | void;
}

export const renderLoading = (locale: Locale): TemplateResult => html`
  <div class="status" part="loading" role="status" data-kind="loading">
    <span class="spinner" aria-hidden="true"></span>
    <span>${translate(sharedMessages, locale, 'loading')}</span>
  </div>
`;

/** An error a person can act on: what happened, the server's words, and a retry. */
export const renderError = (
  locale: Locale,
  error: unknown,
  retry: (() => unknown) | undefined,
): TemplateResult => {
  const detail = errorDetail(error);
  return html`
    <div class="status" part="error" role="alert" data-kind="error">
      <span>${translate(sharedMessages, locale, errorMessageKey(error))}</span>
      ${
        retry
          ? html`<button type="button" class="secondary" part="retry-button" @click=${retry}>
              ${translate(sharedMessages, locale, 'retry')}
            </button>`
          : nothing
      }
      ${detail ? html`<p class="detail">${detail}</p>` : nothing}
    </div>
  `;
};

export const renderEmpty = (text: string): TemplateResult => html`
  <div class="status" part="empty" data-kind="empty"><span>${text}</span></div>
`;

/**
 * The four states of a data task in one place: pending, error (with retry), empty, and the value.
 * While a rerun is pending the previous value stays visible, marked busy, instead of flashing.
 */
export const renderTask = <T>(
  task: TaskLike<T>,
  locale: Locale,
  views: {
    complete: (value: T) => unknown;
    isEmpty?: (value: T) => boolean;
    empty?: () => unknown;
    initial?: () => unknown;
  },
): unknown => {
  switch (task.status) {
    case TaskStatus.INITIAL:
      return views.initial ? views.initial() : nothing;
    case TaskStatus.PENDING:
      return task.value === undefined ? renderLoading(locale) : views.complete(task.value);
    case TaskStatus.ERROR:
      return renderError(locale, task.error, () => task.run());
    case TaskStatus.COMPLETE: {
      const value = task.value as T;
      if (views.isEmpty?.(value) && views.empty) return views.empty();
      return views.complete(value);
    }
  }
};
