import { css } from 'lit';

export const registrationListStyles = css`
  .list-card {
    display: grid;
    gap: var(--_space);
  }
  h2 {
    font-size: 1.25em;
    margin: 0;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    justify-content: space-between;
    gap: var(--_space);
  }
  .filter {
    display: grid;
    gap: 0.25rem;
  }
  .filter select {
    width: auto;
    min-width: 12rem;
  }
  .count,
  .announcement {
    margin: 0;
  }
  .announcement:empty {
    display: none;
  }
  .announcement:focus {
    outline: none;
  }
  .announcement:focus-visible {
    outline: 3px solid var(--_focus);
  }
  .rows {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--prm-registration-list-row-gap, var(--_space));
  }
  .row {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .row[data-sla-breached] {
    border-inline-start: 4px solid var(--_red);
  }
  .row-title {
    margin: 0;
    font-size: 1.05em;
  }
  button.expand {
    background: transparent;
    color: var(--_text);
    border-color: transparent;
    padding-inline: 0.25rem;
    text-align: start;
    display: inline-flex;
    gap: 0.5rem;
    align-items: baseline;
  }
  button.expand:hover {
    text-decoration: underline;
  }
  .chevron {
    color: var(--_accent);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5) calc(var(--_space) * 3);
    margin: 0;
  }
  .facts dt {
    font-size: 0.85em;
    color: var(--_text-muted);
  }
  .facts dd {
    margin: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    margin: 0;
    align-items: center;
  }
  .flag {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    font-weight: 600;
    padding: 0.05em 0.55em;
    border-radius: 999px;
    border: 1px solid currentColor;
    width: fit-content;
  }
  .badge[data-status='submitted'] {
    color: var(--_amber);
  }
  .badge[data-status='approved'],
  .badge[data-status='won'] {
    color: var(--_green);
  }
  .badge[data-status='rejected'],
  .badge[data-status='lost'] {
    color: var(--_red);
  }
  .badge[data-status='expired'],
  .badge[data-status='withdrawn'] {
    color: var(--_text-muted);
  }
  .flag[data-kind='sla'] {
    color: var(--_red);
  }
  .flag[data-kind='contested'] {
    color: var(--_amber);
  }
  .rejection {
    margin: 0;
    display: grid;
  }
  .side-by-side {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
    gap: var(--_space);
  }
  .conflicts {
    display: grid;
    gap: var(--_space);
  }
  .claim {
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    padding: var(--_space);
    background: var(--_surface-raised);
  }
  .claim ul {
    margin: 0;
    padding-inline-start: 1.1rem;
  }
  .claim-title,
  .section-title {
    font-weight: 600;
    margin: 0 0 0.25rem;
  }
  .conflicts-note {
    margin: 0;
  }
  .detail {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    border-top: 1px solid var(--_divider);
    padding-top: var(--_space);
  }
  .detail[hidden] {
    display: none;
  }
  .detail-columns {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: calc(var(--_space) * 2);
  }
  .timeline,
  .comments,
  .extensions {
    margin: 0;
    padding-inline-start: 1.1rem;
    display: grid;
    gap: 0.35rem;
  }
  .timeline li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  .timeline .event {
    font-weight: 600;
  }
  .comment-head,
  .comment-body,
  .notes {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .actions-panel {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .action-form {
    display: grid;
    gap: var(--_space);
    max-width: 36rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .field-error {
    margin: 0;
    color: var(--_danger);
    font-weight: 600;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .confirm p {
    margin: 0 0 var(--_space);
    font-weight: 600;
  }
  .confirm:focus-within p,
  .confirm p:focus {
    outline: none;
  }
  .more {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }
`;
