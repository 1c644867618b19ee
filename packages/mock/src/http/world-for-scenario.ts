import { MOCK_ACCOUNT_IDS } from '../fixtures/accounts.js';
import { MOCK_PARTNER_IDS } from '../fixtures/partners.js';
import { buildWorld, type WorldOptions } from '../fixtures/world.js';
import { reserve } from '../store/reservations.js';
import type { MockState } from '../store/state.js';
import type { MockScenario } from './scenarios.js';

/** The world a scenario starts from; scenarios about failures keep the default world. */
export const worldForScenario = async (
  scenario: MockScenario,
  options: Omit<WorldOptions, 'size'>,
): Promise<MockState> => {
  if (scenario === 'empty' || scenario === 'large')
    return buildWorld({ ...options, size: scenario });
  if (scenario === 'pendingTerms') return buildWorld({ ...options, acceptedLatestTerms: [] });
  const state = await buildWorld(options);
  if (scenario === 'conflict') {
    reserve(
      state,
      {
        accountId: MOCK_ACCOUNT_IDS.acmeGlobal,
        partnerId: MOCK_PARTNER_IDS.partner2,
        region: null,
      },
      new Date(options.now.getTime() - 3_600_000),
    );
  }
  return state;
};
