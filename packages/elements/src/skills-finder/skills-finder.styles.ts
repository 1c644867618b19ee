import { css } from 'lit';

export const skillsFinderStyles = css`
  :host {
    --_bar-height: var(--prm-skills-finder-bar-height, 0.5rem);
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  .form {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .heading {
    font-size: 1.15em;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) * 0.5);
    min-inline-size: 10rem;
  }
  .row,
  .point,
  .flags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: end;
  }
  .row > .field,
  .point > .field {
    flex: 1 1 10rem;
  }
  .group {
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    padding: var(--_space) calc(var(--_space) * 1.5) calc(var(--_space) * 1.5);
    margin: 0;
    display: grid;
    gap: var(--_space);
    min-inline-size: 0;
  }
  .group.near {
    border-style: dashed;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    font-weight: 400;
    min-height: 2.25rem;
  }
  .choice input {
    width: 1.1rem;
    height: 1.1rem;
    min-height: 0;
    margin: 0;
    accent-color: var(--_accent);
  }
  .hint {
    font-size: 0.9em;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
  }
  .chips {
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    margin: 0;
    padding: 0;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    padding-inline-start: 0.75em;
    border: 1px solid var(--_accent);
    border-radius: 999px;
    background: var(--_surface-raised);
  }
  .chip-remove {
    min-height: 2rem;
    min-width: 2rem;
    padding: 0 0.5em;
    border: 0;
    border-radius: 999px;
    background: transparent;
    color: var(--_accent);
  }
  .combobox {
    position: relative;
  }
  .listbox {
    position: absolute;
    z-index: 1;
    inset-inline: 0;
    inset-block-start: calc(100% + 2px);
    margin: 0;
    padding: 0.25rem 0;
    list-style: none;
    max-block-size: 16rem;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: var(--_shadow);
  }
  .listbox[hidden] {
    display: none;
  }
  .option {
    padding: calc(var(--_space) * 0.5) var(--_space);
    cursor: pointer;
  }
  .option[aria-selected='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .option[aria-selected='true']::before {
    content: '▸ ';
  }
  .actions {
    display: flex;
    gap: var(--_space);
  }
  .outcome {
    display: grid;
    gap: var(--_space);
  }
  .count {
    font-weight: 600;
  }
  .widened {
    color: var(--_text-muted);
  }
  .results {
    display: grid;
    gap: var(--_space);
    margin: 0;
    padding-inline-start: 1.75em;
  }
  .result {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 1.5);
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .result::marker {
    font-weight: 700;
  }
  .result-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    justify-content: space-between;
  }
  .partner-name {
    font-size: 1.05em;
  }
  .badge.stale {
    color: var(--_amber);
  }
  .score {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: center;
    font-weight: 600;
  }
  .score-bar {
    flex: 1 1 8rem;
    max-inline-size: 16rem;
    block-size: var(--_bar-height);
    border: 1px solid var(--_border);
    border-radius: 999px;
    overflow: hidden;
    background: var(--_surface-raised);
  }
  .score-fill {
    display: block;
    block-size: 100%;
    background: var(--_accent);
  }
  .location {
    color: var(--_text-muted);
  }
  .explanation-title {
    font-weight: 600;
  }
  .reasons,
  .parts {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .parts {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 2);
    padding-inline-start: 0;
    list-style: none;
    color: var(--_text-muted);
  }
  .result button {
    justify-self: start;
  }
`;
