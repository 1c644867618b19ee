import {
  isProfileStale,
  type Partner,
  searchCriteriaFromQuery,
  searchWithWidening,
} from '@openprm/core';
import { assertVisible } from '../http/principal.js';
import { notFound } from '../http/problem.js';
import type { MockHandlers } from './handler.js';
import { paginate } from './paging.js';
import type { MockState } from './state.js';

/** `stale` is computed at read time, with core's rule: it depends on `now`. */
export const viewPartner = (state: MockState, partner: Partner, now: Date): Partner => ({
  ...partner,
  stale: isProfileStale(partner.profileUpdatedAt, now, state.settings.staleAfterDays),
});

export const partnerHandlers: MockHandlers = {
  'partners.list': ({ state, principal, query, now }) => {
    const rows = [...state.partners.values()]
      .filter((partner) => principal.partnerId === null || partner.id === principal.partnerId)
      .map((partner) => viewPartner(state, partner, now))
      .filter(
        (partner) =>
          (query.region === undefined || partner.region === query.region) &&
          (query.segment === undefined || partner.segment === query.segment) &&
          (query.stale === undefined || partner.stale === query.stale),
      )
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
    return paginate(rows, query);
  },
  'partners.get': ({ state, principal, params, now }) => {
    assertVisible(principal, params.id, `Partner ${params.id}`);
    const partner = state.partners.get(params.id);
    if (!partner) throw notFound(`Partner ${params.id}`);
    return viewPartner(state, partner, now);
  },
  'partners.search': ({ state, query, now }) => {
    const { criteria, minResults } = searchCriteriaFromQuery(query);
    return searchWithWidening({
      partners: [...state.partners.values()].map((partner) => viewPartner(state, partner, now)),
      criteria,
      ...(minResults === undefined ? {} : { minResults }),
      now,
      staleAfterDays: state.settings.staleAfterDays,
    });
  },
};
