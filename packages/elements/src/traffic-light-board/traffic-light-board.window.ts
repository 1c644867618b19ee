/**
 * Virtual scrolling with a fixed row height: which slice of the flat row list to render, and
 * where the scroll position must go to show a row. Pure arithmetic, no DOM.
 */

/** Height of every row, header and group rows included, in CSS pixels. */
export const ROW_HEIGHT = 48;

/** Rows rendered above and below the visible ones, so fast scrolling rarely shows a gap. */
export const OVERSCAN = 8;

export interface RowWindow {
  /** First rendered row (inclusive). */
  start: number;
  /** Last rendered row (exclusive). */
  end: number;
}

/**
 * The rows to render for a scroll offset into the rows (not counting the column header) and a
 * visible height: the visible ones plus the overscan, never more than `total`.
 */
export const rowWindow = (
  total: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight = ROW_HEIGHT,
  overscan = OVERSCAN,
): RowWindow => {
  if (total <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first, total - 1) - overscan);
  const end = Math.min(total, first + visible + overscan);
  return { start, end };
};

/**
 * The row indices to render: the window, plus the active row wherever it is, so the focused
 * cell survives scrolling away from it (and Tab comes back to it).
 */
export const renderedRows = (window: RowWindow, active: number, total: number): number[] => {
  const indices: number[] = [];
  if (active >= 0 && active < total && active < window.start) indices.push(active);
  for (let index = window.start; index < window.end; index += 1) indices.push(index);
  if (active >= window.end && active < total) indices.push(active);
  return indices;
};

/**
 * The scroll offset (into the rows) that shows row `index` completely, changing the current one
 * as little as possible.
 */
export const scrollToShow = (
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight = ROW_HEIGHT,
): number => {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
};

/** A cell of the grid: the row in the flat list and the column within that row. */
export interface CellPosition {
  row: number;
  column: number;
}

/**
 * Where a key moves the active cell, or undefined for keys the grid does not handle. Columns are
 * clamped per row because a group row has one cell and a partner row several.
 */
export const moveActiveCell = (
  from: CellPosition,
  key: string,
  options: {
    ctrlKey: boolean;
    rowCount: number;
    pageRows: number;
    columnsOf: (row: number) => number;
  },
): CellPosition | undefined => {
  const { rowCount, pageRows, columnsOf } = options;
  if (rowCount === 0) return undefined;
  const clampRow = (row: number) => Math.min(rowCount - 1, Math.max(0, row));
  const inRow = (row: number, column: number) => ({
    row,
    column: Math.min(columnsOf(row) - 1, Math.max(0, column)),
  });
  switch (key) {
    case 'ArrowDown':
      return inRow(clampRow(from.row + 1), from.column);
    case 'ArrowUp':
      return inRow(clampRow(from.row - 1), from.column);
    case 'ArrowRight':
      return inRow(from.row, from.column + 1);
    case 'ArrowLeft':
      return inRow(from.row, from.column - 1);
    case 'PageDown':
      return inRow(clampRow(from.row + pageRows), from.column);
    case 'PageUp':
      return inRow(clampRow(from.row - pageRows), from.column);
    case 'Home':
      return options.ctrlKey ? inRow(0, 0) : inRow(from.row, 0);
    case 'End':
      return options.ctrlKey
        ? inRow(rowCount - 1, Number.MAX_SAFE_INTEGER)
        : inRow(from.row, Number.MAX_SAFE_INTEGER);
    default:
      return undefined;
  }
};
