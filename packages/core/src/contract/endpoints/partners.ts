import * as z from 'zod/mini';
import { ListPage } from '../../schemas/common.js';
import {
  Partner,
  PartnerListQuery,
  PartnerSearchQuery,
  PartnerSearchResponse,
  UpdateSkillsInput,
} from '../../schemas/partner.js';
import {
  CreateObjectiveInput,
  Objective,
  PartnerScorecard,
  RecordMetricsInput,
  RecordMetricsResult,
  ScorecardBoard,
  ScorecardQuery,
  SetTargetsInput,
  Target,
} from '../../schemas/scorecard.js';
import { defineEndpoints, type EndpointRequest } from '../endpoint.js';
import { ANY_ROLE, IdParams, VENDOR } from './params.js';

/** What a client sends to each endpoint of this area (the SDK needs nothing else). */
export const partnerRequests = {
  'partners.list': {
    method: 'GET',
    path: '/v1/partners',
    query: PartnerListQuery,
    roles: ANY_ROLE,
  },
  'partners.search': {
    method: 'GET',
    path: '/v1/partners/search',
    query: PartnerSearchQuery,
    roles: VENDOR,
  },
  'partners.get': {
    method: 'GET',
    path: '/v1/partners/{id}',
    params: IdParams,
    roles: ANY_ROLE,
  },
  'partners.updateSkills': {
    method: 'PUT',
    path: '/v1/partners/{id}/skills',
    params: IdParams,
    body: UpdateSkillsInput,
    roles: ['vendor_admin', 'channel_manager', 'partner_admin'],
  },
  'objectives.list': {
    method: 'GET',
    path: '/v1/objectives',
    roles: ANY_ROLE,
  },
  'objectives.create': {
    method: 'POST',
    path: '/v1/objectives',
    body: CreateObjectiveInput,
    roles: VENDOR,
  },
  'targets.set': {
    method: 'PUT',
    path: '/v1/partners/{id}/targets',
    params: IdParams,
    body: SetTargetsInput,
    roles: VENDOR,
  },
  'metrics.record': {
    method: 'POST',
    path: '/v1/metrics',
    body: RecordMetricsInput,
    roles: VENDOR,
  },
  'scorecards.board': {
    method: 'GET',
    path: '/v1/scorecards',
    query: ScorecardQuery,
    roles: VENDOR,
  },
  'scorecards.forPartner': {
    method: 'GET',
    path: '/v1/partners/{id}/scorecard',
    params: IdParams,
    query: ScorecardQuery,
    roles: ANY_ROLE,
  },
} as const satisfies Record<string, EndpointRequest>;

/** What each endpoint answers, its errors and rules, and its documentation. */
export const partnerEndpoints = defineEndpoints(partnerRequests, {
  'partners.list': {
    summary: 'Partners (a partner user sees only its own)',
    status: 200,
    response: ListPage(Partner),
    errors: [],
    partnerScoped: true,
  },
  'partners.search': {
    summary:
      'Who is best for this customer? Skills, level, certification and place, ranked with reasons',
    status: 200,
    response: PartnerSearchResponse,
    errors: [],
  },
  'partners.get': {
    summary: 'One partner profile',
    status: 200,
    response: Partner,
    errors: [],
    partnerScoped: true,
  },
  'partners.updateSkills': {
    summary: 'Replace the skills inventory; refreshes the profile date',
    status: 200,
    response: Partner,
    errors: [],
    partnerScoped: true,
  },
  'objectives.list': {
    summary: 'Objectives of the program',
    status: 200,
    response: z.object({ data: z.array(Objective) }),
    errors: [],
  },
  'objectives.create': {
    summary: 'Create an objective: metric, period, direction, thresholds',
    status: 201,
    response: Objective,
    errors: [],
  },
  'targets.set': {
    summary: "Set a partner's targets (per objective, optionally per account)",
    status: 200,
    response: z.object({ data: z.array(Target) }),
    errors: [],
  },
  'metrics.record': {
    summary: 'Record actuals (e.g. turnover from the ERP)',
    status: 201,
    response: RecordMetricsResult,
    errors: [],
  },
  'scorecards.board': {
    summary: 'The traffic-light board, grouped by region or segment, with roll-ups',
    status: 200,
    response: ScorecardBoard,
    errors: [],
  },
  'scorecards.forPartner': {
    summary: "One partner's lights per objective with value, target, trend and next best action",
    status: 200,
    response: PartnerScorecard,
    errors: [],
    partnerScoped: true,
  },
});
