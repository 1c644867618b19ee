import type { EventType, GroupBy, LightCounts, ScorecardBoard } from '@openprm/core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { PrmDrillDownEvent } from '../events/drill-down.js';
import { TaskStatus } from '../shared/api-task.js';
import { PrmElement } from '../shared/prm-element.js';
import { renderEmpty, renderTask } from '../shared/status-view.js';
import { baseStyles } from '../shared/styles.js';
import { type CellContext, renderBody } from './traffic-light-board.cells.js';
import { renderHeaderRow, renderSummary, renderToolbar } from './traffic-light-board.controls.js';
import {
  type TrafficLightBoardMessageKey,
  trafficLightBoardMessages,
} from './traffic-light-board.messages.js';
import {
  type BoardRows,
  type BoardSort,
  boardCounts,
  collatorFor,
  columnCount,
  drillDownObjective,
  flattenBoard,
  type LightFilter,
} from './traffic-light-board.rows.js';
import { trafficLightBoardStyles } from './traffic-light-board.styles.js';
import {
  type CellPosition,
  moveActiveCell,
  ROW_HEIGHT,
  renderedRows,
  rowWindow,
  scrollToShow,
} from './traffic-light-board.window.js';

const NO_ROWS: BoardRows = { length: 0, shownPartners: 0, at: () => undefined };

/** A first guess of the scroll area's height, until it has been measured. */
const INITIAL_VIEWPORT = 640;

/**
 * The traffic-light board: partners grouped by region or segment, each group with its roll-up
 * light and counts, each partner with one cell per objective. Every light is a colour, a shape
 * and a text. Filter by light, sort, search, expand and collapse groups, and drill down into a
 * partner or one of its objectives. Only the rows in view are rendered, so 10,000 partners
 * scroll as smoothly as ten.
 *
 * @summary Scorecard board: red, amber and green per partner and objective, grouped and virtualised.
 *
 * @event prm-drill-down - A partner (`objectiveId` undefined) or one of its objectives was activated by click, Enter or Space. Detail: `partnerId`, `objectiveId`.
 *
 * @csspart toolbar - Filter, sort and search controls.
 * @csspart filter - The light filter (a select).
 * @csspart sort - The sort order (a select).
 * @csspart search - The partner name search (an input).
 * @csspart summary - The overall light and counts over all partners.
 * @csspart legend - The legend of lights: shape and text.
 * @csspart viewport - The scrolling area around the grid.
 * @csspart grid - The grid of partners and objectives.
 * @csspart header-row - The column headers.
 * @csspart group-row - A group's header row.
 * @csspart group-toggle - The button that expands or collapses a group.
 * @csspart row - A partner's row.
 * @csspart partner-button - The partner's name; activating it drills down into the partner.
 * @csspart overall-cell - The partner's rolled-up light.
 * @csspart cell - An objective's cell: light, attainment and trend.
 * @csspart action-cell - The partner's next best action.
 * @csspart no-match - Shown when filter or search leave no partner.
 * @csspart loading - The loading state.
 * @csspart empty - The state without partners or objectives.
 * @csspart error - An error, with a retry.
 * @csspart retry-button - Retry after an error.
 *
 * @cssproperty --prm-board-height - Maximum height of the scrolling area (default `40rem`).
 * @cssproperty --prm-board-objective-width - Width of each objective column (default `9rem`).
 * @cssproperty --prm-color-green - Shape of "On track".
 * @cssproperty --prm-color-amber - Shape of "At risk".
 * @cssproperty --prm-color-red - Shape of "Off track".
 * @cssproperty --prm-color-surface-raised - Background of group rows and the column header.
 */
export class PrmTrafficLightBoard extends PrmElement<TrafficLightBoardMessageKey> {
  static override styles = [baseStyles, trafficLightBoardStyles];
  protected readonly messages = trafficLightBoardMessages;

  /** Group partners by `region` or `segment` (asks the API again when it changes). */
  @property({ attribute: 'group-by' }) groupBy: GroupBy = 'region';

  /** The board's day (`2027-03-31`): only objectives whose period contains it. @default today */
  @property() on: string | undefined;

  /** Show only partners with at least one objective in this light: `all`, `red`, `yellow`, `unknown` or `green`. */
  @property() filter: LightFilter = 'all';

  /** `attention` (worst first), `name`, or an objective's id (worst on that objective first). */
  @property() sort: BoardSort = 'attention';

  /** Show only partners whose name contains this text (case-insensitive). */
  @property() search = '';

  /**
   * A board you already have (e.g. from `client.scorecards.board()`): rendered as it is, without
   * asking the API. `group-by` and `on` then do nothing; set this to `undefined` to load again.
   */
  @property({ attribute: false }) board: ScorecardBoard | undefined;

  /** Lights move when deals are won, targets change or actuals arrive. */
  protected override readonly liveEventTypes: readonly EventType[] = [
    'registration.approved',
    'registration.won',
    'registration.lost',
    'targets.updated',
    'metrics.recorded',
    'objective.created',
  ];

  @state() private collapsed: ReadonlySet<string> = new Set();
  @state() private active: CellPosition = { row: 0, column: 0 };
  @state() private scrollOffset = 0;
  @state() private viewportHeight = INITIAL_VIEWPORT;

  @query('.viewport') private viewport: HTMLElement | null | undefined;

  private readonly resizeObserver =
    typeof ResizeObserver === 'undefined'
      ? undefined
      : new ResizeObserver((entries) => {
          const height = entries[0]?.contentRect.height;
          if (height) this.viewportHeight = height;
        });
  private observed: Element | undefined;

  private readonly data = this.apiTask(
    () => [this.groupBy, this.on, this.board === undefined] as const,
    (client, [groupBy, on, wanted], signal) =>
      wanted
        ? client.scorecards.board({ groupBy, ...(on ? { on } : {}) }, { signal })
        : Promise.resolve(undefined),
  );

  private memo: { inputs: readonly unknown[]; rows: BoardRows; counts: LightCounts } | undefined;

  /** Loads the board again (when it came from the API); e.g. after the page recorded new actuals. */
  refresh(): Promise<void> {
    if (this.board) {
      this.memo = undefined;
      this.requestUpdate();
      return this.updateComplete.then(() => undefined);
    }
    return this.data.run();
  }

  protected override retryAfterReconnect(): void {
    if (this.data.error) void this.data.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.observed = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new view of the data starts at the top, with the first cell active.
    if (changed.has('filter') || changed.has('sort') || changed.has('search')) {
      if (this.hasUpdated) this.resetPosition();
    }
  }

  protected override updated(): void {
    const viewport = this.viewport ?? undefined;
    if (viewport !== this.observed) {
      this.resizeObserver?.disconnect();
      if (viewport) this.resizeObserver?.observe(viewport);
      this.observed = viewport;
    }
  }

  private resetPosition() {
    this.active = { row: 0, column: 0 };
    this.scrollOffset = 0;
    if (this.viewport) this.viewport.scrollTop = 0;
  }

  /** The flat rows for the current data and view, recomputed only when one of them changes. */
  private rowsOf(board: ScorecardBoard) {
    const inputs = [board, this.filter, this.sort, this.search, this.collapsed, this.language];
    if (this.memo?.inputs.every((input, index) => input === inputs[index])) return this.memo;
    const rows = flattenBoard(board, {
      filter: this.filter,
      sort: this.sort,
      search: this.search,
      collapsed: this.collapsed,
      compareNames: collatorFor(this.language).compare,
    });
    const counts = boardCounts(board);
    this.memo = { inputs, rows, counts };
    return this.memo;
  }

  private get rows(): BoardRows {
    const board = this.board ?? this.data.value;
    return board ? this.rowsOf(board).rows : NO_ROWS;
  }

  private columnCount(board: ScorecardBoard) {
    return columnCount(board.objectives);
  }

  private columnsOf(row: number): number {
    const board = this.board ?? this.data.value;
    if (!board) return 1;
    return this.rows.at(row)?.kind === 'partner' ? this.columnCount(board) : 1;
  }

  private toggleGroup(key: string) {
    const collapsed = new Set(this.collapsed);
    if (collapsed.has(key)) collapsed.delete(key);
    else collapsed.add(key);
    this.collapsed = collapsed;
  }

  /** What activating a cell does: toggle a group, or drill down into a partner or objective. */
  private activate(position: CellPosition) {
    const row = this.rows.at(position.row);
    const board = this.board ?? this.data.value;
    if (!row || !board) return;
    if (row.kind === 'group') {
      this.toggleGroup(row.group.key);
      return;
    }
    const objectiveId = drillDownObjective(row.partner, board.objectives, position.column);
    this.dispatchEvent(new PrmDrillDownEvent(row.partner.partnerId, objectiveId));
  }

  private positionOf(target: EventTarget | null): CellPosition | undefined {
    const cell = (target as Element | null)?.closest?.('[data-row]');
    if (!cell) return undefined;
    return {
      row: Number(cell.getAttribute('data-row')),
      column: Number(cell.getAttribute('data-col')),
    };
  }

  private readonly onGridClick = (event: MouseEvent) => {
    const position = this.positionOf(event.target);
    if (!position) return;
    this.active = position;
    this.activate(position);
  };

  private readonly onGridFocus = (event: FocusEvent) => {
    const position = this.positionOf(event.target);
    if (position) this.active = position;
  };

  private readonly onGridKeydown = async (event: KeyboardEvent) => {
    const from = this.positionOf(event.target);
    if (!from) return;
    const isButton = (event.target as Element).localName === 'button';
    if ((event.key === 'Enter' || event.key === ' ') && !isButton) {
      event.preventDefault();
      this.activate(from);
      return;
    }
    const pageRows = Math.max(1, Math.floor(this.rowsHeight() / ROW_HEIGHT) - 1);
    const next = moveActiveCell(from, event.key, {
      ctrlKey: event.ctrlKey || event.metaKey,
      rowCount: this.rows.length,
      pageRows,
      columnsOf: (row) => this.columnsOf(row),
    });
    if (!next) return;
    event.preventDefault();
    await this.moveTo(next);
  };

  /** Height of the rows' part of the viewport: below the sticky column header. */
  private rowsHeight() {
    return Math.max(ROW_HEIGHT, this.viewportHeight - ROW_HEIGHT);
  }

  /** Makes a cell active, scrolls its row into view, renders it and focuses it. */
  private async moveTo(next: CellPosition) {
    this.active = next;
    const top = scrollToShow(next.row, this.scrollOffset, this.rowsHeight());
    if (top !== this.scrollOffset) {
      this.scrollOffset = top;
      if (this.viewport) this.viewport.scrollTop = top;
    }
    await this.updateComplete;
    const cell = this.renderRoot.querySelector<HTMLElement>(
      `[data-row="${next.row}"][data-col="${next.column}"]`,
    );
    cell?.focus();
  }

  private readonly onScroll = () => {
    if (this.viewport) this.scrollOffset = this.viewport.scrollTop;
  };

  protected override render() {
    if (this.board) return this.renderBoard(this.board);
    return renderTask(this.data, this.language, {
      isEmpty: (value) =>
        value !== undefined && (value.groups.length === 0 || value.objectives.length === 0),
      empty: () => renderEmpty(this.t('empty')),
      complete: (value) => (value ? this.renderBoard(value) : nothing),
    });
  }

  private renderBoard(board: ScorecardBoard) {
    if (board.groups.length === 0 || board.objectives.length === 0) {
      return renderEmpty(this.t('empty'));
    }
    const { rows, counts } = this.rowsOf(board);
    const { shownPartners } = rows;
    const columnCount = this.columnCount(board);
    const slice = rowWindow(rows.length, this.scrollOffset, this.rowsHeight());
    const activeRow = Math.min(this.active.row, Math.max(0, rows.length - 1));
    const tabStop = {
      row: activeRow,
      column: Math.min(this.active.column, this.columnsOf(activeRow) - 1),
    };
    const context: CellContext = {
      t: (key, params) => this.t(key, params),
      language: this.language,
      objectives: board.objectives,
      groupLabel: this.t(board.groupBy),
      tabStop,
    };
    const visible = renderedRows(slice, activeRow, rows.length);
    return html`
      ${renderToolbar({
        t: context.t,
        objectives: board.objectives,
        filter: this.filter,
        sort: this.sort,
        search: this.search,
        onChange: (name, value) => {
          if (name === 'filter') this.filter = value as LightFilter;
          else this[name] = value;
        },
      })}
      ${renderSummary(context, board.light, counts, shownPartners)}
      <div class="viewport" part="viewport" @scroll=${this.onScroll}>
        <div
          role="grid"
          class="grid"
          part="grid"
          aria-label=${this.t('title')}
          aria-rowcount=${rows.length + 1}
          aria-colcount=${columnCount}
          aria-busy=${this.data.status === TaskStatus.PENDING ? 'true' : 'false'}
          style="--_objectives: ${board.objectives.length}"
          @click=${this.onGridClick}
          @keydown=${this.onGridKeydown}
          @focusin=${this.onGridFocus}
        >
          <div role="rowgroup" class="head">
            ${renderHeaderRow(context.t, board.objectives, this.sort)}
          </div>
          ${renderBody(context, rows, visible, columnCount)}
        </div>
        ${
          rows.length === 0
            ? html`<p class="no-match" part="no-match">${this.t('noMatch')}</p>`
            : nothing
        }
      </div>
    `;
  }
}
