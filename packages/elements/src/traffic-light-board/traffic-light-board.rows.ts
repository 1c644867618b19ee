import type {
  BoardGroup,
  Light,
  LightCounts,
  Objective,
  ObjectiveStatus,
  PartnerScorecard,
  ScorecardBoard,
} from '@openprm/core';

/**
 * The board as one flat list of rows (group headers and the partners of expanded groups), so
 * the virtual window can render any slice of it by index. Pure: no DOM, no Lit.
 */

/** Which partners to show: every one, or those with at least one objective in this light. */
export type LightFilter = Light | 'all';

/** `attention` (worst light first, the server's order), `name`, or an objective's id. */
export type BoardSort = string;

export interface GroupRow {
  kind: 'group';
  key: string;
  group: BoardGroup;
  /** Partners in the group that pass the filter and search. */
  shown: number;
  expanded: boolean;
}

export interface PartnerRow {
  kind: 'partner';
  key: string;
  groupKey: string;
  partner: PartnerScorecard;
}

export type BoardRow = GroupRow | PartnerRow;

export interface RowOptions {
  filter: LightFilter;
  sort: BoardSort;
  /** Case-insensitive part of a partner's name; empty shows all. */
  search: string;
  collapsed: ReadonlySet<string>;
  /** Orders names for `sort: 'name'`, e.g. `new Intl.Collator(locale).compare`. */
  compareNames: (a: string, b: string) => number;
}

/** Needing attention first: red, yellow, no data, green (as core's board orders partners). */
export const ATTENTION: Readonly<Record<Light, number>> = {
  red: 0,
  yellow: 1,
  unknown: 2,
  green: 3,
};

const statusOf = (partner: PartnerScorecard, objectiveId: string): ObjectiveStatus | undefined =>
  partner.objectives.find((status) => status.objectiveId === objectiveId);

/** Lower is worse: the light first, then how far short of the target. */
const compareStatus = (a: ObjectiveStatus | undefined, b: ObjectiveStatus | undefined): number =>
  ATTENTION[a?.light ?? 'unknown'] - ATTENTION[b?.light ?? 'unknown'] ||
  (a?.attainment ?? Number.POSITIVE_INFINITY) - (b?.attainment ?? Number.POSITIVE_INFINITY);

const matches = (partner: PartnerScorecard, filter: LightFilter, needle: string): boolean =>
  (filter === 'all' || partner.objectives.some((status) => status.light === filter)) &&
  (needle === '' || partner.partnerName.toLocaleLowerCase().includes(needle));

/** The group's partners that pass filter and search, in the chosen order. */
export const visiblePartners = (
  group: BoardGroup,
  options: Omit<RowOptions, 'collapsed'>,
): PartnerScorecard[] => {
  const needle = options.search.trim().toLocaleLowerCase();
  const partners =
    options.filter === 'all' && needle === ''
      ? group.partners
      : group.partners.filter((partner) => matches(partner, options.filter, needle));
  // The server already sends partners worst first: keep its order rather than sort 10,000 again.
  if (options.sort === 'attention') return partners;
  const sorted = [...partners];
  if (options.sort === 'name') {
    return sorted.sort((a, b) => options.compareNames(a.partnerName, b.partnerName));
  }
  const objectiveId = options.sort;
  return sorted.sort(
    (a, b) =>
      compareStatus(statusOf(a, objectiveId), statusOf(b, objectiveId)) ||
      options.compareNames(a.partnerName, b.partnerName),
  );
};

/** The flat rows, built lazily: a row object exists only while it is asked for (i.e. rendered). */
export interface BoardRows {
  readonly length: number;
  /** Partners passing the filter and search, collapsed groups included. */
  readonly shownPartners: number;
  at(index: number): BoardRow | undefined;
}

interface Segment {
  /** Index of the group's header row. */
  start: number;
  header: GroupRow;
  partners: readonly PartnerScorecard[];
}

/**
 * Every group as a header row followed, when expanded, by its partners. Groups with no partner
 * passing the filter or search are left out while one is active. Costs one pass over the groups
 * (plus filtering or sorting when asked), never one object per partner: 10,000 partners cost
 * what 100 do until they are rendered.
 */
export const flattenBoard = (board: ScorecardBoard, options: RowOptions): BoardRows => {
  const narrowed = options.filter !== 'all' || options.search.trim() !== '';
  const segments: Segment[] = [];
  let length = 0;
  let shownPartners = 0;
  for (const group of board.groups) {
    const partners = visiblePartners(group, options);
    if (narrowed && partners.length === 0) continue;
    const expanded = !options.collapsed.has(group.key);
    const header: GroupRow = {
      kind: 'group',
      key: `g:${group.key}`,
      group,
      shown: partners.length,
      expanded,
    };
    segments.push({ start: length, header, partners: expanded ? partners : [] });
    length += 1 + (expanded ? partners.length : 0);
    shownPartners += partners.length;
  }
  const at = (index: number): BoardRow | undefined => {
    if (!Number.isInteger(index) || index < 0 || index >= length) return undefined;
    // The last segment starting at or before the index (binary search: segments are in order).
    let low = 0;
    let high = segments.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if ((segments[middle]?.start ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    const segment = segments[low];
    if (!segment) return undefined;
    if (index === segment.start) return segment.header;
    const partner = segment.partners[index - segment.start - 1];
    if (!partner) return undefined;
    return {
      kind: 'partner',
      key: `p:${partner.partnerId}`,
      groupKey: segment.header.group.key,
      partner,
    };
  };
  return { length, shownPartners, at };
};

/** What the next best action talks about: the partner's worst objective, if any needs work. */
export interface ActionFocus {
  status: ObjectiveStatus;
  objective: Objective | undefined;
  /** How far the actual is on the wrong side of the target, when both are known. */
  gap: number | null;
}

export const actionFocus = (
  partner: PartnerScorecard,
  objectives: readonly Objective[],
): ActionFocus | undefined => {
  let worst: ObjectiveStatus | undefined;
  for (const status of partner.objectives) {
    if (status.light === 'green') continue;
    if (!worst || compareStatus(status, worst) < 0) worst = status;
  }
  if (!worst) return undefined;
  const objective = objectives.find((candidate) => candidate.id === worst.objectiveId);
  const { actual, target } = worst;
  const raw =
    actual === null || target === null
      ? null
      : objective?.direction === 'lower_is_better'
        ? actual - target
        : target - actual;
  return { status: worst, objective, gap: raw !== null && raw > 0 ? raw : null };
};

/** The column of a partner row's cells: partner, overall, one per objective, next best action. */
export const columnCount = (objectives: readonly Objective[]): number => objectives.length + 3;

/**
 * Which objective a drill-down from a partner's cell is about: the objective of its column, the
 * one the next best action talks about, or none (the partner and overall cells).
 */
export const drillDownObjective = (
  partner: PartnerScorecard,
  objectives: readonly Objective[],
  column: number,
): string | undefined => {
  const lastColumn = columnCount(objectives) - 1;
  return column >= 2 && column < lastColumn
    ? objectives[column - 2]?.id
    : column === lastColumn
      ? actionFocus(partner, objectives)?.status.objectiveId
      : undefined;
};

/** How many partners' lights of each colour the whole board holds. */
export const boardCounts = (board: ScorecardBoard): LightCounts => {
  const counts: LightCounts = { green: 0, yellow: 0, red: 0, unknown: 0 };
  for (const group of board.groups) {
    for (const light of Object.keys(counts) as Light[]) counts[light] += group.counts[light];
  }
  return counts;
};

const collators = new Map<string, Intl.Collator>();
/** One collator per language: names compare as people expect (case, accents, numbers). */
export const collatorFor = (locale: string): Intl.Collator => {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  return collator;
};
