import { css } from 'lit';

export const registrationFormStyles = css`
  form,
  .result,
  .terms {
    display: grid;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .terms {
    margin-bottom: calc(var(--_space) * 2);
    border-inline-start: 4px solid var(--_amber);
  }
  h2,
  h3,
  h4 {
    margin: 0;
    font-size: 1.15em;
  }
  h3,
  h4 {
    font-size: 1.05em;
  }
  p {
    margin: 0;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    align-content: start;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: calc(var(--_space) * 2);
  }
  .hint {
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
  }
  .summary {
    padding: calc(var(--_space) * 1.5);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .summary ul {
    margin: var(--_space) 0 0;
    padding-inline-start: 1.25rem;
  }
  .summary a {
    color: var(--_danger);
    font-weight: 600;
  }
  .account-status {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
  }
  .inline {
    display: flex;
    gap: var(--_space);
  }
  .inline input {
    flex: 1;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    padding-inline-start: var(--_space);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface-raised);
  }
  .chip-remove {
    min-height: 1.75rem;
    min-width: 1.75rem;
    padding: 0 0.4rem;
    border-radius: 999px;
  }
  .actions {
    display: flex;
    gap: var(--_space);
  }
  .result {
    border-inline-start: 4px solid var(--_green);
  }
  .result[data-outcome='contested'] {
    border-inline-start-color: var(--_amber);
  }
  .result[data-outcome='rejected'] {
    border-inline-start-color: var(--_red);
  }
  .conflicts {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
`;
