import type { Handlers } from '../http/router.js';
import { recordMetricsService } from '../services/metrics.js';
import {
  createObjectiveService,
  listObjectivesService,
  setTargetsService,
} from '../services/objectives.js';
import { searchPartnersService } from '../services/partner-search.js';
import {
  getPartnerService,
  listPartnersService,
  updateSkillsService,
} from '../services/partners.js';
import { partnerScorecardService, scorecardBoardService } from '../services/scorecards.js';

/** Partners and their skills, objectives, targets, metrics and the scorecards built from them. */
export const partnerHandlers = {
  'partners.list': ({ tx, principal, query, context, now }) =>
    listPartnersService(tx, principal, query, context.settings, now),
  'partners.get': ({ tx, principal, params, context, now }) =>
    getPartnerService(tx, principal, params.id, context.settings, now),
  'partners.updateSkills': ({ tx, principal, params, body, context, now }) =>
    updateSkillsService(tx, principal, params.id, body, context.settings, now),
  'partners.search': ({ tx, query, context, now }) =>
    searchPartnersService(tx, query, context.settings, now),
  'objectives.list': ({ tx }) => listObjectivesService(tx),
  'objectives.create': ({ tx, body, now }) => createObjectiveService(tx, body, now),
  'targets.set': ({ tx, params, body, now }) => setTargetsService(tx, params.id, body, now),
  'metrics.record': ({ tx, body, now }) => recordMetricsService(tx, body, now),
  'scorecards.board': ({ tx, query, now }) => scorecardBoardService(tx, query, now),
  'scorecards.forPartner': ({ tx, principal, params, query, now }) =>
    partnerScorecardService(tx, principal, params.id, query, now),
} satisfies Handlers;
