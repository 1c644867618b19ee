import { css } from 'lit';

export const accountLookupStyles = css`
  .field {
    position: relative;
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .hint {
    margin: 0;
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  [role='listbox'] {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    top: 100%;
    max-height: 16rem;
    overflow: auto;
    margin: 0.25rem 0 0;
    padding: 0.25rem;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  [role='option'] {
    display: grid;
    padding: calc(var(--_space) * 0.5) var(--_space);
    border-radius: calc(var(--_radius) * 0.5);
    cursor: pointer;
    border: 2px solid transparent;
  }
  [role='option'][aria-selected='true'] {
    border-color: var(--_focus);
    background: var(--_surface-raised);
  }
  [role='option']:hover {
    background: var(--_surface-raised);
  }
  .option-detail {
    color: var(--_text-muted);
    font-size: 0.9em;
  }
`;
