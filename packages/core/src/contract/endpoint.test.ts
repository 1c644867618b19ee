import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../schemas/codes.js';
import { ALL_ROLES } from '../schemas/roles.js';
import { buildPath, errorCodesOf, pathParamNames, toColonPath } from './endpoint.js';
import { endpoints } from './index.js';

const all = Object.entries(endpoints);

describe('endpoint contract', () => {
  it.each(all)('%s is declared under its own id as area.verb', (key, endpoint) => {
    expect(endpoint.id).toBe(key);
    expect(endpoint.id).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });

  it.each(all)('%s declares a schema for exactly the placeholders of its path', (_, endpoint) => {
    const declared = Object.keys('params' in endpoint ? endpoint.params.shape : {});
    expect(declared).toEqual(pathParamNames(endpoint.path));
  });

  it.each(all)('%s names only known roles and known error codes', (_, endpoint) => {
    if (endpoint.roles !== 'public') {
      expect(endpoint.roles.length).toBeGreaterThan(0);
      for (const role of endpoint.roles) expect(ALL_ROLES).toContain(role);
    }
    for (const code of errorCodesOf(endpoint)) expect(ERROR_CODES).toContain(code);
  });

  it('has one method and path per endpoint', () => {
    const keys = all.map(([, e]) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('adds the errors every protected endpoint can answer', () => {
    const codes = errorCodesOf(endpoints['registrations.submit']);
    expect(codes).toEqual(
      expect.arrayContaining([
        'invalid_request',
        'unauthenticated',
        'forbidden',
        'rate_limited',
        'idempotency_key_reused',
        'contract_acceptance_required',
      ]),
    );
    expect(errorCodesOf(endpoints['health.check'])).toEqual([]);
  });

  it('keeps vendor decisions to vendor roles', () => {
    expect(endpoints['registrations.approve'].roles).toEqual(['vendor_admin', 'channel_manager']);
    expect(endpoints['registrations.withdraw'].roles).toEqual(['partner_admin', 'partner_rep']);
    expect(endpoints['sessions.create'].roles).toEqual(['vendor_admin']);
  });
});

describe('paths', () => {
  it('encodes every parameter so an id never escapes its segment', () => {
    expect(
      buildPath('/v1/registrations/{id}/extensions/{eid}/approve', { id: 'a/b', eid: '?x' }),
    ).toBe('/v1/registrations/a%2Fb/extensions/%3Fx/approve');
  });

  it('refuses to build a path with a missing parameter', () => {
    expect(() => buildPath('/v1/accounts/{id}', {})).toThrow(/Missing path parameter "id"/);
  });

  it('converts templates to colon paths for routers', () => {
    expect(toColonPath('/v1/contracts/{id}/versions/{version}/accept')).toBe(
      '/v1/contracts/:id/versions/:version/accept',
    );
  });
});
