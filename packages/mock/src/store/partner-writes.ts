import { assertVisible } from '../http/principal.js';
import { invalid, notFound } from '../http/problem.js';
import type { MockHandlers } from './handler.js';
import { viewPartner } from './partners.js';

export const partnerWriteHandlers: MockHandlers = {
  /** Replaces the skills inventory and refreshes the profile date, as the server does. */
  'partners.updateSkills': ({ state, principal, params, body, now }) => {
    assertVisible(principal, params.id, `Partner ${params.id}`);
    const seen = new Map<string, number>();
    const errors = body.skills.flatMap(({ skill }, index) => {
      const first = seen.get(skill);
      if (first === undefined) {
        seen.set(skill, index);
        return [];
      }
      return [
        { path: `skills.${index}.skill`, message: `${skill} is already listed at skills.${first}` },
      ];
    });
    if (errors.length > 0) throw invalid(errors, 'Each skill may be listed once.');
    const partner = state.partners.get(params.id);
    if (!partner) throw notFound(`Partner ${params.id}`);
    const updated = {
      ...partner,
      skills: body.skills,
      ...(body.certifications === undefined ? {} : { certifications: body.certifications }),
      ...(body.countries === undefined ? {} : { countries: [...new Set(body.countries)] }),
      ...(body.offices === undefined ? {} : { offices: body.offices }),
      ...(body.peopleCount === undefined ? {} : { peopleCount: body.peopleCount }),
      profileUpdatedAt: now.toISOString(),
    };
    state.partners.set(updated.id, updated);
    return viewPartner(state, updated, now);
  },
};
