import { css, unsafeCSS } from 'lit';
import { ROW_HEIGHT } from './traffic-light-board.window.js';

// Rows must be exactly ROW_HEIGHT tall: the virtual window computes positions from it.
const rowHeight = unsafeCSS(`${ROW_HEIGHT}px`);

export const trafficLightBoardStyles = css`
  :host {
    --_objective-width: var(--prm-board-objective-width, 9rem);
    --_name-width: 14rem;
    --_overall-width: 8.5rem;
    --_action-width: 22rem;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 2);
    align-items: end;
    margin-block-end: var(--_space);
  }
  .toolbar label {
    display: grid;
    gap: 0.25rem;
    min-width: 12rem;
  }
  .summary,
  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.5) var(--_space);
    margin-block-end: var(--_space);
  }
  .summary-title,
  .legend-title {
    font-weight: 600;
  }
  .legend ul {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .light {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    white-space: nowrap;
  }
  .shape {
    font-size: 1.1em;
    line-height: 1;
  }
  .light[data-light='green'] .shape {
    color: var(--_green);
  }
  .light[data-light='yellow'] .shape {
    color: var(--_amber);
  }
  .light[data-light='red'] .shape {
    color: var(--_red);
  }
  .light[data-light='unknown'] .shape {
    color: var(--_text-muted);
  }
  .viewport {
    position: relative;
    max-height: var(--prm-board-height, 40rem);
    overflow: auto;
    border: 1px solid var(--_divider);
    border-radius: var(--_radius);
    background: var(--_surface);
    overscroll-behavior: contain;
  }
  .grid {
    width: max(
      100%,
      calc(
        var(--_name-width) + var(--_overall-width) + var(--_objectives) * var(--_objective-width) +
          var(--_action-width)
      )
    );
  }
  .row {
    display: grid;
    grid-template-columns:
      var(--_name-width) var(--_overall-width) repeat(var(--_objectives), var(--_objective-width))
      minmax(var(--_action-width), 1fr);
    height: ${rowHeight};
    border-block-end: 1px solid var(--_divider);
    /* clip, not hidden: hidden would make the row a scroll container and break sticky names */
    overflow: clip;
  }
  .body .row {
    position: absolute;
    inset-inline: 0;
  }
  .header-row .cell {
    white-space: normal;
    overflow-wrap: anywhere;
    line-height: 1.2;
  }
  .head {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--_surface-raised);
    font-weight: 600;
  }
  .body {
    position: relative;
  }
  /* The partner's name stays in view when the objectives scroll sideways. */
  .name,
  .header-row .cell:first-child {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: var(--_surface);
  }
  .header-row .cell:first-child {
    background: var(--_surface-raised);
  }
  .cell {
    display: flex;
    align-items: center;
    gap: 0.35em;
    min-width: 0;
    padding: 0 var(--_space);
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .cell:focus-visible,
  .row button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .objective {
    flex-direction: column;
    align-items: flex-start;
    justify-content: center;
    gap: 0;
    line-height: 1.25;
    cursor: pointer;
  }
  .overall,
  .action {
    cursor: pointer;
  }
  .action {
    display: block;
    line-height: ${rowHeight};
    color: var(--_text-muted);
  }
  .detail {
    font-size: 0.8125rem;
    color: var(--_text-muted);
  }
  .group-row {
    background: var(--_surface-raised);
  }
  .group-cell {
    grid-column: 1 / -1;
    overflow: visible;
  }
  /* Stays in view when the objectives scroll sideways, like the partners' names. */
  .group-content {
    position: sticky;
    inset-inline-start: 0;
    display: flex;
    align-items: center;
    gap: var(--_space);
    min-width: 0;
    max-width: 100%;
    padding-inline-end: var(--_space);
  }
  .group-toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    background: transparent;
    border: 0;
    color: inherit;
    padding: 0.25rem 0.5rem;
    min-height: 2rem;
    font-weight: 700;
  }
  .chevron {
    display: inline-block;
    width: 1em;
  }
  .group-detail {
    color: var(--_text-muted);
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .partner-button {
    background: transparent;
    border: 0;
    padding: 0.25rem 0;
    min-height: 1.5rem;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
    text-align: start;
    max-width: 100%;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .no-match {
    margin: 0;
    padding: calc(var(--_space) * 2);
    color: var(--_text-muted);
  }
`;
