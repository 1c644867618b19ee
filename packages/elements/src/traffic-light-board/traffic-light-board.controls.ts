import type { Light, LightCounts, Objective } from '@openprm/core';
import { html, type TemplateResult } from 'lit';
import { formatNumber } from '../shared/format.js';
import { type CellContext, countsText, renderLight, SHAPES } from './traffic-light-board.cells.js';
import type { TrafficLightBoardMessageKey } from './traffic-light-board.messages.js';
import type { BoardSort, LightFilter } from './traffic-light-board.rows.js';

type Translate = (
  key: TrafficLightBoardMessageKey,
  params?: Record<string, string | number>,
) => string;

export const LIGHTS: readonly Light[] = ['green', 'yellow', 'red', 'unknown'];
const FILTERS: readonly LightFilter[] = ['all', 'red', 'yellow', 'unknown', 'green'];
const FILTER_KEYS: Record<LightFilter, TrafficLightBoardMessageKey> = {
  all: 'filterAll',
  red: 'filterRed',
  yellow: 'filterYellow',
  unknown: 'filterUnknown',
  green: 'filterGreen',
};

/** The board's view settings and where a person's changes to them go. */
export interface ToolbarView {
  t: Translate;
  objectives: readonly Objective[];
  filter: LightFilter;
  sort: BoardSort;
  search: string;
  onChange: (name: 'filter' | 'sort' | 'search', value: string) => void;
}

/** Filter by light, sort, and search by name. */
export const renderToolbar = (view: ToolbarView): TemplateResult => {
  const { t, filter, sort } = view;
  const change =
    (name: 'filter' | 'sort' | 'search') =>
    (event: Event): void =>
      view.onChange(name, (event.target as HTMLInputElement | HTMLSelectElement).value);
  return html`
    <div class="toolbar" part="toolbar">
      <label>
        <span>${t('filterLabel')}</span>
        <select part="filter" .value=${filter} @change=${change('filter')}>
          ${FILTERS.map(
            (option) => html`<option value=${option} ?selected=${option === filter}>
              ${option === 'all' ? '' : `${SHAPES[option]} `}${t(FILTER_KEYS[option])}
            </option>`,
          )}
        </select>
      </label>
      <label>
        <span>${t('sortLabel')}</span>
        <select part="sort" .value=${sort} @change=${change('sort')}>
          <option value="attention" ?selected=${sort === 'attention'}>${t('sortAttention')}</option>
          <option value="name" ?selected=${sort === 'name'}>${t('sortName')}</option>
          ${view.objectives.map(
            (objective) => html`<option value=${objective.id} ?selected=${sort === objective.id}>
              ${t('sortObjective', { objective: objective.name })}
            </option>`,
          )}
        </select>
      </label>
      <label>
        <span>${t('searchLabel')}</span>
        <input
          part="search"
          type="search"
          autocomplete="off"
          .value=${view.search}
          @input=${change('search')}
        />
      </label>
    </div>
  `;
};

/** The board's overall light and counts, the legend, and how many partners are shown (announced). */
export const renderSummary = (
  context: CellContext,
  light: Light,
  counts: LightCounts,
  shownPartners: number,
): TemplateResult => html`
  <div class="summary" part="summary">
    <span class="summary-title">${context.t('overall')}:</span>
    ${renderLight(context, light)}
    <span class="muted">${countsText(context, counts)}</span>
  </div>
  ${renderLegend(context.t)}
  <p class="visually-hidden" role="status">
    ${context.t('showing', { count: formatNumber(context.language, shownPartners) })}
  </p>
`;

/** What each light means: its shape and its word. */
const renderLegend = (t: Translate): TemplateResult => html`
  <div class="legend" part="legend" role="group" aria-label=${t('legend')}>
    <span class="legend-title" aria-hidden="true">${t('legend')}:</span>
    <ul>
      ${LIGHTS.map(
        (light) => html`<li>
          <span class="light" data-light=${light}
            ><span class="shape" aria-hidden="true">${SHAPES[light]}</span
            ><span class="label">${t(light)}</span></span
          >
        </li>`,
      )}
    </ul>
  </div>
`;

/** The grid's column headers; the sorted column says so (lowest attainment first: ascending). */
export const renderHeaderRow = (
  t: Translate,
  objectives: readonly Objective[],
  sort: BoardSort,
): TemplateResult => html`
  <div role="row" class="row header-row" part="header-row" aria-rowindex="1">
    <div role="columnheader" class="cell" aria-sort=${sort === 'name' ? 'ascending' : 'none'}>
      ${t('columnPartner')}
    </div>
    <div role="columnheader" class="cell">${t('columnOverall')}</div>
    ${objectives.map(
      (objective) =>
        html`<div
          role="columnheader"
          class="cell"
          aria-sort=${sort === objective.id ? 'ascending' : 'none'}
        >${objective.name}</div>`,
    )}
    <div role="columnheader" class="cell">${t('columnAction')}</div>
  </div>
`;
