import type { Registration } from '@openprm/core';
import type { RegistrationAction } from '../events/registration-changed.js';
import type { ListState } from './registration-list.query.js';
import type { RowContext } from './registration-list.rows.js';

/** A decided registration leaves the queue; elsewhere its row shows the new state. */
export const leavesQueue = (list: ListState, updated: Registration): boolean =>
  list.view === 'queue' && updated.status !== 'submitted';

/** The queue without a decided registration: approving one rejects the overlapping pending ones. */
export const withoutDecided = (rows: Registration[], decided: Registration): Registration[] => {
  const gone = new Set([decided.id, ...decided.conflicts.map((c) => c.id)]);
  return rows.filter((row) => !gone.has(row.id));
};

/** The rows of a next page not on screen yet: offsets shift when decided rows leave the queue. */
export const freshRows = (shown: Registration[], next: Registration[]): Registration[] => {
  const known = new Set(shown.map((row) => row.id));
  return next.filter((row) => !known.has(row.id));
};

/** The status message after a decision in the queue; `queueEmpty` when it was the last one. */
export const decidedAnnouncement = (
  ctx: Pick<RowContext, 't'>,
  action: RegistrationAction,
  name: string,
  queueEmpty: boolean,
): string =>
  ctx.t(action === 'approve' ? 'approvedDone' : 'rejectedDone', { name }) +
  (queueEmpty ? ` ${ctx.t('queueDone')}` : '');

/** The status message after an action on a row that stays in the list. */
export const changedAnnouncement = (
  ctx: Pick<RowContext, 't'>,
  action: RegistrationAction,
  updated: Registration,
  name: string,
): string =>
  action === 'withdraw'
    ? ctx.t('withdrawnDone')
    : action === 'request-extension'
      ? ctx.t('extensionRequested', { days: updated.extensions.at(-1)?.days ?? '' })
      : action === 'comment'
        ? ctx.t('commented')
        : ctx.t(action === 'approve' ? 'approvedDone' : 'rejectedDone', { name });
