import { css } from 'lit';

export const contractAcceptanceStyles = css`
  .card {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  h2,
  h3 {
    margin: 0;
    font-size: 1.1em;
  }
  .meta {
    margin: 0;
    color: var(--_text-muted);
  }
  .document {
    max-height: var(--prm-contract-document-height, 20rem);
    overflow: auto;
    padding: var(--_space) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .document p {
    white-space: pre-line;
    margin: 0 0 var(--_space);
  }
  .document .section-heading {
    font-weight: 700;
  }
  .agree {
    display: flex;
    gap: var(--_space);
    align-items: flex-start;
  }
  .agree input {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    margin: 0.15rem 0 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .actions {
    display: flex;
    gap: var(--_space);
  }
  .receipts {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .receipt {
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-inline-start: 4px solid var(--_green);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .receipt p {
    margin: 0;
  }
  .receipt code {
    overflow-wrap: anywhere;
    font-size: 0.85em;
  }
  .done {
    margin: 0;
    font-weight: 600;
  }
`;
