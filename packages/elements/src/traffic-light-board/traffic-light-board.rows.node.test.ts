import type {
  BoardGroup,
  Light,
  ObjectiveStatus,
  PartnerScorecard,
  ScorecardBoard,
} from '@openprm/core';
import { describe, expect, it } from 'vitest';
import { actionFocus, flattenBoard, type RowOptions } from './traffic-light-board.rows.js';
import {
  moveActiveCell,
  renderedRows,
  rowWindow,
  scrollToShow,
} from './traffic-light-board.window.js';

const status = (
  objectiveId: string,
  light: Light,
  attainment: number | null = null,
): ObjectiveStatus => ({
  objectiveId,
  name: objectiveId,
  metric: 'revenue',
  light,
  label: light,
  actual: attainment === null ? null : attainment * 100,
  target: attainment === null ? null : 100,
  attainment,
  trend: 'flat',
  nextBestAction: null,
});

const partner = (id: string, name: string, lights: [Light, number | null][]): PartnerScorecard => ({
  partnerId: id,
  partnerName: name,
  region: 'EMEA',
  segment: 'msp',
  light: lights[0]?.[0] ?? 'unknown',
  label: '',
  score: null,
  explanation: '',
  objectives: lights.map(([light, attainment], index) => status(`obj_${index}`, light, attainment)),
});

const group = (key: string, partners: PartnerScorecard[]): BoardGroup => ({
  key,
  light: 'yellow',
  label: 'At risk',
  score: 1,
  explanation: '',
  counts: { green: 0, yellow: 0, red: 0, unknown: 0 },
  partners,
});

const board: ScorecardBoard = {
  groupBy: 'region',
  generatedAt: '2026-11-23T12:00:00.000Z',
  light: 'yellow',
  label: 'At risk',
  score: 1,
  explanation: '',
  objectives: [],
  groups: [
    group('AMER', [
      partner('p1', 'Zeta', [
        ['red', 0.5],
        ['green', 1.1],
      ]),
      partner('p2', 'alpha', [
        ['yellow', 0.9],
        ['green', 1],
      ]),
    ]),
    group('EMEA', [
      partner('p3', 'Beta', [
        ['green', 1.2],
        ['unknown', null],
      ]),
      partner('p4', 'Ärger', [
        ['red', 0.2],
        ['yellow', 0.85],
      ]),
    ]),
  ],
};

const options = (overrides: Partial<RowOptions> = {}): RowOptions => ({
  filter: 'all',
  sort: 'attention',
  search: '',
  collapsed: new Set(),
  compareNames: new Intl.Collator('de', { sensitivity: 'base' }).compare,
  ...overrides,
});

const keys = (rows: ReturnType<typeof flattenBoard>) =>
  Array.from({ length: rows.length }, (_, index) => rows.at(index)?.key);

describe('flattenBoard', () => {
  it('lists each group then its partners in the server’s order', () => {
    expect(keys(flattenBoard(board, options()))).toEqual([
      'g:AMER',
      'p:p1',
      'p:p2',
      'g:EMEA',
      'p:p3',
      'p:p4',
    ]);
  });

  it('leaves out the partners of a collapsed group but keeps its header', () => {
    const rows = flattenBoard(board, options({ collapsed: new Set(['AMER']) }));
    expect(keys(rows)).toEqual(['g:AMER', 'g:EMEA', 'p:p3', 'p:p4']);
    expect(rows.at(0)).toMatchObject({ expanded: false, shown: 2 });
    expect(rows.shownPartners).toBe(4);
    expect(rows.at(4)).toBeUndefined();
  });

  it('filters to partners with any objective in a light and drops groups left empty', () => {
    expect(keys(flattenBoard(board, options({ filter: 'unknown' })))).toEqual(['g:EMEA', 'p:p3']);
    const red = flattenBoard(board, options({ filter: 'red' }));
    expect(keys(red)).toEqual(['g:AMER', 'p:p1', 'g:EMEA', 'p:p4']);
    expect(red.at(0)).toMatchObject({ shown: 1 });
    expect(red.at(3)).toMatchObject({ kind: 'partner', groupKey: 'EMEA' });
  });

  it('searches names case-insensitively', () => {
    expect(keys(flattenBoard(board, options({ search: '  ALP ' })))).toEqual(['g:AMER', 'p:p2']);
  });

  it('sorts by name with the collator and by an objective worst first', () => {
    expect(keys(flattenBoard(board, options({ sort: 'name' })))).toEqual([
      'g:AMER',
      'p:p2',
      'p:p1',
      'g:EMEA',
      'p:p4',
      'p:p3',
    ]);
    expect(keys(flattenBoard(board, options({ sort: 'obj_1' })))).toEqual([
      'g:AMER',
      'p:p2',
      'p:p1',
      'g:EMEA',
      'p:p4',
      'p:p3',
    ]);
  });
});

describe('actionFocus', () => {
  it('picks the worst objective and its gap to target', () => {
    const focus = actionFocus(
      partner('p', 'P', [
        ['yellow', 0.85],
        ['red', 0.5],
      ]),
      [],
    );
    expect(focus?.status.objectiveId).toBe('obj_1');
    expect(focus?.gap).toBe(50);
  });

  it('has nothing to say when every objective is green', () => {
    expect(actionFocus(partner('p', 'P', [['green', 1]]), [])).toBeUndefined();
  });
});

describe('the virtual window', () => {
  it('renders the visible rows plus overscan, clamped to the list', () => {
    expect(rowWindow(10_000, 0, 480, 48, 8)).toEqual({ start: 0, end: 19 });
    expect(rowWindow(10_000, 48 * 5000, 480, 48, 8)).toEqual({ start: 4992, end: 5019 });
    expect(rowWindow(10_000, 48 * 20_000, 480, 48, 8)).toEqual({ start: 9991, end: 10_000 });
    expect(rowWindow(0, 0, 480)).toEqual({ start: 0, end: 0 });
  });

  it('keeps the active row rendered wherever it is', () => {
    expect(renderedRows({ start: 10, end: 13 }, 11, 100)).toEqual([10, 11, 12]);
    expect(renderedRows({ start: 10, end: 13 }, 2, 100)).toEqual([2, 10, 11, 12]);
    expect(renderedRows({ start: 10, end: 13 }, 50, 100)).toEqual([10, 11, 12, 50]);
    expect(renderedRows({ start: 0, end: 0 }, 0, 0)).toEqual([]);
  });

  it('scrolls as little as needed to show a row', () => {
    expect(scrollToShow(3, 0, 480, 48)).toBe(0);
    expect(scrollToShow(20, 0, 480, 48)).toBe(21 * 48 - 480);
    expect(scrollToShow(2, 480, 480, 48)).toBe(96);
  });

  it('moves the active cell by key, clamping columns to the row', () => {
    const columnsOf = (row: number) => (row === 0 ? 1 : 6);
    const move = (key: string, ctrlKey = false) =>
      moveActiveCell({ row: 1, column: 4 }, key, {
        ctrlKey,
        rowCount: 50,
        pageRows: 10,
        columnsOf,
      });
    expect(move('ArrowUp')).toEqual({ row: 0, column: 0 });
    expect(move('ArrowRight')).toEqual({ row: 1, column: 5 });
    expect(move('PageDown')).toEqual({ row: 11, column: 4 });
    expect(move('PageUp')).toEqual({ row: 0, column: 0 });
    expect(move('End')).toEqual({ row: 1, column: 5 });
    expect(move('End', true)).toEqual({ row: 49, column: 5 });
    expect(move('Home', true)).toEqual({ row: 0, column: 0 });
    expect(move('a')).toBeUndefined();
  });
});
