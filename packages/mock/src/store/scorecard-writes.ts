import { DEFAULT_THRESHOLDS, type FieldError, type Target } from '@openprm/core';
import { invalid, MockProblem, notFound } from '../http/problem.js';
import type { MockHandlers } from './handler.js';
import { type MockState, nextId } from './state.js';

const unknownAccount = (state: MockState, accountId: string | null | undefined) =>
  Boolean(accountId) && !state.accounts.has(accountId as string);

const targetsOf = (state: MockState, partnerId: string): Target[] =>
  state.targets
    .filter((target) => target.partnerId === partnerId)
    .map((target) => ({ ...target, accountId: target.accountId ?? null }));

/** Objectives, targets and actuals: the inputs of the board, as the server takes them. */
export const scorecardWriteHandlers: MockHandlers = {
  'objectives.create': ({ state, body, now }) => {
    const objective = {
      id: nextId(state, 'obj'),
      name: body.name,
      metric: body.metric,
      period: body.period,
      direction: body.direction ?? 'higher_is_better',
      thresholds: body.thresholds ?? { ...DEFAULT_THRESHOLDS },
      ...(body.unit === undefined ? {} : { unit: body.unit }),
      ...(body.defaultTarget === undefined ? {} : { defaultTarget: body.defaultTarget }),
      createdAt: now.toISOString(),
    };
    state.objectives.push(objective);
    return objective;
  },
  'targets.set': ({ state, params, body }) => {
    if (!state.partners.has(params.id)) throw notFound(`Partner ${params.id}`);
    const seen = new Set<string>();
    const duplicates = body.targets.flatMap((target, index): FieldError[] => {
      const key = `${target.objectiveId}\u0000${target.accountId ?? ''}`;
      if (!seen.has(key)) {
        seen.add(key);
        return [];
      }
      return [
        { path: `targets.${index}`, message: 'This objective and account are already listed' },
      ];
    });
    if (duplicates.length > 0)
      throw invalid(duplicates, 'Each objective and account may appear once.');
    const unknown = body.targets.flatMap((target, index): FieldError[] => [
      ...(state.objectives.some((objective) => objective.id === target.objectiveId)
        ? []
        : [
            {
              path: `targets.${index}.objectiveId`,
              message: `Unknown objective ${target.objectiveId}`,
            },
          ]),
      ...(unknownAccount(state, target.accountId)
        ? [{ path: `targets.${index}.accountId`, message: `Unknown account ${target.accountId}` }]
        : []),
    ]);
    if (unknown.length > 0) {
      throw new MockProblem('not_found', 'Some objectives or accounts were not found.', {
        errors: unknown,
      });
    }
    const objectiveIds = new Set(body.targets.map((target) => target.objectiveId));
    state.targets = [
      ...state.targets.filter(
        (target) => target.partnerId !== params.id || !objectiveIds.has(target.objectiveId),
      ),
      ...body.targets.map((target) => ({
        objectiveId: target.objectiveId,
        partnerId: params.id,
        accountId: target.accountId ?? null,
        value: target.value,
      })),
    ];
    return { data: targetsOf(state, params.id) };
  },
  'metrics.record': ({ state, body }) => {
    const errors = body.records.flatMap((record, index): FieldError[] => [
      ...(state.partners.has(record.partnerId)
        ? []
        : [{ path: `records.${index}.partnerId`, message: `Unknown partner ${record.partnerId}` }]),
      ...(unknownAccount(state, record.accountId)
        ? [{ path: `records.${index}.accountId`, message: `Unknown account ${record.accountId}` }]
        : []),
    ]);
    if (errors.length > 0) {
      throw invalid(errors, `${errors.length} of the records name unknown partners or accounts.`);
    }
    for (const record of body.records) {
      if (record.accountId) continue;
      const { partnerId, metric, value, on } = record;
      state.metrics.push({ partnerId, metric, value, on });
    }
    return { recorded: body.records.length };
  },
};
