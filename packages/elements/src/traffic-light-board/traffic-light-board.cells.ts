import type { Light, Objective, ObjectiveStatus, PartnerScorecard, Trend } from '@openprm/core';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { formatNumber, formatPercent } from '../shared/format.js';
import type { Locale } from '../shared/localize.js';
import type { TrafficLightBoardMessageKey } from './traffic-light-board.messages.js';
import {
  actionFocus,
  type BoardRows,
  type GroupRow,
  type PartnerRow,
} from './traffic-light-board.rows.js';
import { type CellPosition, ROW_HEIGHT } from './traffic-light-board.window.js';

/** A shape per light, so colour is never the only signal (and the text is always there too). */
export const SHAPES: Readonly<Record<Light, string>> = {
  green: '●',
  yellow: '▲',
  red: '■',
  unknown: '○',
};

const TREND_ARROWS: Readonly<Record<Trend, string>> = {
  improving: '↗',
  worsening: '↘',
  flat: '→',
  unknown: '',
};

/** What the row templates need from the element. */
export interface CellContext {
  t: (key: TrafficLightBoardMessageKey, params?: Record<string, string | number>) => string;
  language: Locale;
  objectives: readonly Objective[];
  groupLabel: string;
  /** The one cell in the tab order (roving tabindex). */
  tabStop: CellPosition;
}

/** Rows are placed absolutely, so any set of them (the window and the active row) can render. */
const rowTop = (index: number) => `top: ${index * ROW_HEIGHT}px`;

const tabIndex = (context: CellContext, row: number, column: number) =>
  context.tabStop.row === row && context.tabStop.column === column ? 0 : -1;

/** Shape (hidden from screen readers) and text of a light. */
export const renderLight = (context: CellContext, light: Light): TemplateResult => html`
  <span class="light" data-light=${light}
    ><span class="shape" aria-hidden="true">${SHAPES[light]}</span
    ><span class="label">${context.t(light)}</span></span
  >
`;

export const countsText = (context: CellContext, counts: Record<Light, number>): string =>
  context.t('counts', {
    green: formatNumber(context.language, counts.green),
    yellow: formatNumber(context.language, counts.yellow),
    red: formatNumber(context.language, counts.red),
    unknown: formatNumber(context.language, counts.unknown),
  });

export const renderGroupRow = (
  context: CellContext,
  row: GroupRow,
  index: number,
  columnCount: number,
): TemplateResult => {
  const { group } = row;
  const total = group.partners.length;
  return html`
    <div
      role="row"
      class="row group-row"
      part="group-row"
      aria-rowindex=${index + 2}
      style=${rowTop(index)}
    >
      <div role="gridcell" class="cell group-cell" aria-colspan=${columnCount}>
        <div class="group-content">
        <button
          type="button"
          class="group-toggle"
          part="group-toggle"
          aria-expanded=${row.expanded ? 'true' : 'false'}
          data-row=${index}
          data-col="0"
          tabindex=${tabIndex(context, index, 0)}
        >
          <span class="chevron" aria-hidden="true">${row.expanded ? '▾' : '▸'}</span>
          <span>${context.groupLabel}: ${group.key}</span>
        </button>
        ${renderLight(context, group.light)}
        <span class="group-detail">
          ${context.t('groupShown', {
            shown: formatNumber(context.language, row.shown),
            total: formatNumber(context.language, total),
          })}
          · ${countsText(context, group.counts)}
          ${
            group.score === null
              ? nothing
              : html`· ${context.t('score', { score: formatNumber(context.language, group.score, 2) })}`
          }
        </span>
        </div>
      </div>
    </div>
  `;
};

const renderObjectiveCell = (
  context: CellContext,
  status: ObjectiveStatus | undefined,
  objectiveId: string,
  index: number,
  column: number,
) => {
  const light = status?.light ?? 'unknown';
  const percent =
    status?.attainment === null || status?.attainment === undefined
      ? undefined
      : formatPercent(context.language, status.attainment);
  const trend = status?.trend ?? 'unknown';
  return html`
    <div
      role="gridcell"
      class="cell objective"
      part="cell"
      data-row=${index}
      data-col=${column}
      data-objective=${objectiveId}
      tabindex=${tabIndex(context, index, column)}
    >
      ${renderLight(context, light)}
      ${
        percent === undefined
          ? nothing
          : html`<span class="detail" aria-hidden="true">${percent} ${TREND_ARROWS[trend]}</span>
              <span class="visually-hidden"
                >, ${context.t('ofTarget', { percent })}, ${context.t(`trend_${trend}`)}</span
              >`
      }
    </div>
  `;
};

/** The partner's next best action in the reader's language, built from its worst objective. */
export const actionText = (context: CellContext, partner: PartnerScorecard): string => {
  const focus = actionFocus(partner, context.objectives);
  if (!focus) return context.t('noAction');
  const { status, objective, gap } = focus;
  const name = status.name;
  if (status.light === 'unknown') {
    return context.t(status.actual === null ? 'actionRecord' : 'actionSetTarget', {
      objective: name,
    });
  }
  if (gap === null) return context.t('actionBehind', { objective: name });
  const amount = `${formatNumber(context.language, gap, 0)}${objective?.unit ? ` ${objective.unit}` : ''}`;
  if (objective?.direction === 'lower_is_better' || status.attainment === null) {
    return context.t('actionOver', { objective: name, gap: amount });
  }
  return context.t('actionShortfall', {
    objective: name,
    percent: formatPercent(context.language, Math.floor(status.attainment * 100) / 100),
    gap: amount,
  });
};

export const renderPartnerRow = (
  context: CellContext,
  row: PartnerRow,
  index: number,
): TemplateResult => {
  const { partner } = row;
  const lastColumn = context.objectives.length + 2;
  const action = actionText(context, partner);
  return html`
    <div
      role="row"
      class="row partner-row"
      part="row"
      aria-rowindex=${index + 2}
      style=${rowTop(index)}
    >
      <div role="gridcell" class="cell name">
        <button
          type="button"
          class="partner-button"
          part="partner-button"
          title=${partner.partnerName}
          data-row=${index}
          data-col="0"
          tabindex=${tabIndex(context, index, 0)}
        >${partner.partnerName}</button>
      </div>
      <div
        role="gridcell"
        class="cell overall"
        part="overall-cell"
        data-row=${index}
        data-col="1"
        tabindex=${tabIndex(context, index, 1)}
      >${renderLight(context, partner.light)}</div>
      ${context.objectives.map((objective, position) =>
        renderObjectiveCell(
          context,
          partner.objectives.find((status) => status.objectiveId === objective.id),
          objective.id,
          index,
          position + 2,
        ),
      )}
      <div
        role="gridcell"
        class="cell action"
        part="action-cell"
        title=${action}
        data-row=${index}
        data-col=${lastColumn}
        tabindex=${tabIndex(context, index, lastColumn)}
      >${action}</div>
    </div>
  `;
};

/** The grid's body: only the `visible` rows, each placed at its own height in the full list. */
export const renderBody = (
  context: CellContext,
  rows: BoardRows,
  visible: readonly number[],
  columnCount: number,
): TemplateResult => html`
  <div role="rowgroup" class="body" style="height: ${rows.length * ROW_HEIGHT}px">
    ${repeat(
      visible,
      (index) => rows.at(index)?.key,
      (index) => {
        const row = rows.at(index);
        if (!row) return nothing;
        return row.kind === 'group'
          ? renderGroupRow(context, row, index, columnCount)
          : renderPartnerRow(context, row, index);
      },
    )}
  </div>
`;
