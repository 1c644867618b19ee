import { css } from 'lit';

/**
 * The design tokens. Each `--prm-*` custom property a page may set has a default here, for light
 * and dark: `light-dark()` follows the page's `color-scheme`, so a page that declares
 * `color-scheme: light dark` gets dark elements in dark mode, and `prm-board { color-scheme: dark }`
 * forces one. Elements read the private `--_*` copies so a default is written once.
 */
export const tokens = css`
  :host {
    --_accent: var(--prm-color-accent, light-dark(#1d4ed8, #93b4fd));
    --_on-accent: var(--prm-color-on-accent, light-dark(#ffffff, #0b1220));
    --_text: var(--prm-color-text, light-dark(#1f2937, #f3f4f6));
    --_text-muted: var(--prm-color-text-muted, light-dark(#4b5563, #cbd5e1));
    --_surface: var(--prm-color-surface, light-dark(#ffffff, #111827));
    --_surface-raised: var(--prm-color-surface-raised, light-dark(#f3f4f6, #1f2937));
    --_border: var(--prm-color-border, light-dark(#6b7280, #9ca3af));
    --_divider: var(--prm-color-divider, light-dark(#e5e7eb, #374151));
    --_focus: var(--prm-color-focus, light-dark(#1d4ed8, #93b4fd));
    --_danger: var(--prm-color-danger, light-dark(#b91c1c, #fca5a5));
    --_green: var(--prm-color-green, light-dark(#15803d, #4ade80));
    --_amber: var(--prm-color-amber, light-dark(#a16207, #fbbf24));
    --_red: var(--prm-color-red, light-dark(#b91c1c, #f87171));
    --_radius: var(--prm-radius, 0.5rem);
    --_space: var(--prm-space, 0.5rem);
    --_font: var(--prm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--prm-font-size, 0.9375rem);
    --_shadow: var(--prm-shadow, 0 1px 3px rgb(0 0 0 / 0.12));

    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/** Controls every element shares, so a button looks the same in the form and in the board. */
export const controls = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    padding: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
    min-height: 2.25rem;
    font-weight: 600;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  input,
  select,
  textarea {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: calc(var(--_space) * 0.75);
    min-height: 2.25rem;
    width: 100%;
  }
  input[aria-invalid='true'],
  select[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  label {
    font-weight: 600;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .muted {
    color: var(--_text-muted);
  }
`;

/** The loading / empty / error / offline views of `renderStatus`. */
export const statusStyles = css`
  .status {
    padding: calc(var(--_space) * 2);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .status[data-kind='error'] {
    border-inline-start: 4px solid var(--_danger);
  }
  .status .detail {
    flex-basis: 100%;
    color: var(--_text-muted);
    margin: 0;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 2px solid var(--_divider);
    border-top-color: var(--_accent);
    border-radius: 50%;
    animation: prm-spin 0.8s linear infinite;
  }
  @keyframes prm-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;

/**
 * A status pill (`<span class="badge" data-status=…>` with a symbol and a word, never colour
 * alone), coloured by the account reservation statuses; elements colour their own statuses.
 */
export const badgeStyles = css`
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    width: fit-content;
    padding: 0.1em 0.6em;
    font-weight: 600;
    border: 1px solid currentColor;
    border-radius: 999px;
  }
  .badge[data-status='open'] {
    color: var(--_green);
  }
  .badge[data-status='reserved_by_you'] {
    color: var(--_accent);
  }
  .badge[data-status='reserved_by_other'] {
    color: var(--_red);
  }
  .badge[data-status='vendor_direct'] {
    color: var(--_amber);
  }
`;

export const baseStyles = [tokens, controls, statusStyles];
