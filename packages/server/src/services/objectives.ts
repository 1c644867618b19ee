import {
  type CreateObjectiveInput,
  DEFAULT_THRESHOLDS,
  type FieldError,
  type Objective,
  type SetTargetsInput,
  type Target,
} from '@openprm/core';
import { newId } from '../crypto.js';
import type { Queryable } from '../db/database.js';
import { invalid, notFound, ProblemError } from '../http/problem.js';
import { findPartnerRow } from '../queries/partners.js';
import {
  existingAccountIds,
  existingObjectiveIds,
  insertObjective,
  listObjectiveRows,
  replaceTargets,
  targetsOfPartner,
  toObjective,
} from '../queries/scorecards.js';
import { recordEvent } from './outbox.js';

export const listObjectivesService = async (tx: Queryable) => ({
  data: (await listObjectiveRows(tx)).map(toObjective),
});

/** Higher is better and the default thresholds (green ≥ 100 %, yellow ≥ 80 %) unless told otherwise. */
export const createObjectiveService = async (
  tx: Queryable,
  input: CreateObjectiveInput,
  now: Date,
): Promise<Objective> => {
  const objective = toObjective(
    await insertObjective(tx, {
      id: newId('obj'),
      name: input.name,
      metric: input.metric,
      period: input.period,
      direction: input.direction ?? 'higher_is_better',
      thresholds: input.thresholds ?? { ...DEFAULT_THRESHOLDS },
      ...(input.unit === undefined ? {} : { unit: input.unit }),
      ...(input.defaultTarget === undefined ? {} : { defaultTarget: input.defaultTarget }),
      createdAt: now.toISOString(),
    }),
  );
  await recordEvent(tx, {
    type: 'objective.created',
    at: now,
    partnerId: null,
    subject: { type: 'objective', id: objective.id },
    data: { objective },
  });
  return objective;
};

/** One objective and account may appear once: two values for the same target would be a guess. */
const duplicateErrors = (targets: SetTargetsInput['targets']): FieldError[] => {
  const seen = new Set<string>();
  return targets.flatMap((target, index) => {
    const key = `${target.objectiveId}\u0000${target.accountId ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      return [];
    }
    return [{ path: `targets.${index}`, message: 'This objective and account are already listed' }];
  });
};

/** Every unknown objective and account named, so one answer lists all of them. */
const unknownErrors = async (tx: Queryable, targets: SetTargetsInput['targets']) => {
  const objectives = await existingObjectiveIds(tx, [
    ...new Set(targets.map((t) => t.objectiveId)),
  ]);
  const accountIds = targets.flatMap((t) => (t.accountId ? [t.accountId] : []));
  const accounts = await existingAccountIds(tx, [...new Set(accountIds)]);
  return targets.flatMap((target, index): FieldError[] => [
    ...(objectives.has(target.objectiveId)
      ? []
      : [
          {
            path: `targets.${index}.objectiveId`,
            message: `Unknown objective ${target.objectiveId}`,
          },
        ]),
    ...(target.accountId && !accounts.has(target.accountId)
      ? [{ path: `targets.${index}.accountId`, message: `Unknown account ${target.accountId}` }]
      : []),
  ]);
};

/**
 * Replaces the partner's targets of the objectives named in the body (partner-level and
 * per-account alike); targets of other objectives stay. Answers all of the partner's targets.
 */
export const setTargetsService = async (
  tx: Queryable,
  partnerId: string,
  input: SetTargetsInput,
  now: Date,
): Promise<{ data: Target[] }> => {
  if (!(await findPartnerRow(tx, partnerId))) throw notFound(`Partner ${partnerId}`);
  const duplicates = duplicateErrors(input.targets);
  if (duplicates.length > 0)
    throw invalid(duplicates, 'Each objective and account may appear once.');
  const unknown = await unknownErrors(tx, input.targets);
  if (unknown.length > 0) {
    throw new ProblemError('not_found', 'Some objectives or accounts were not found.', {
      errors: unknown,
    });
  }
  const objectiveIds = [...new Set(input.targets.map((t) => t.objectiveId))];
  const targets = input.targets.map((t) => ({
    objectiveId: t.objectiveId,
    accountId: t.accountId ?? null,
    value: t.value,
  }));
  await replaceTargets(tx, partnerId, objectiveIds, targets);
  await recordEvent(tx, {
    type: 'targets.updated',
    at: now,
    partnerId,
    subject: { type: 'partner', id: partnerId },
    data: { partnerId, objectiveIds, targets: targets.map((t) => ({ ...t, partnerId })) },
  });
  return { data: await targetsOfPartner(tx, partnerId) };
};
