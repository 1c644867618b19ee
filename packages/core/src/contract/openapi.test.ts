import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { endpoints } from './index.js';
import { buildOpenApiDocument } from './openapi.js';

type Operation = {
  operationId: string;
  parameters: { name: string; in: string }[];
  responses: Record<string, unknown>;
  'x-openprm-roles': unknown;
};
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

const document = buildOpenApiDocument(Object.values(endpoints), {
  version: '0.0.0-test',
}) as Document;

/** Every path of DESIGN §4, written out by hand so the contract cannot silently drop one. */
const DESIGN_PATHS = [
  'GET /healthz',
  'GET /v1/openapi.json',
  'POST /v1/sessions',
  'GET /v1/me',
  'GET /v1/accounts',
  'POST /v1/accounts',
  'GET /v1/accounts/{id}',
  'GET /v1/accounts/{id}/reservation',
  'POST /v1/reservations',
  'GET /v1/reservations',
  'POST /v1/reservations/{id}/renew',
  'DELETE /v1/reservations/{id}',
  'POST /v1/registrations',
  'GET /v1/registrations',
  'GET /v1/registrations/{id}',
  'POST /v1/registrations/{id}/approve',
  'POST /v1/registrations/{id}/reject',
  'POST /v1/registrations/{id}/withdraw',
  'POST /v1/registrations/{id}/close',
  'POST /v1/registrations/{id}/extensions',
  'POST /v1/registrations/{id}/extensions/{eid}/approve',
  'POST /v1/registrations/{id}/extensions/{eid}/reject',
  'POST /v1/registrations/{id}/comments',
  'POST /v1/registrations/{id}/escalate',
  'GET /v1/registrations/{id}/audit',
  'GET /v1/partners',
  'GET /v1/partners/{id}',
  'PUT /v1/partners/{id}/skills',
  'GET /v1/partners/search',
  'GET /v1/objectives',
  'POST /v1/objectives',
  'PUT /v1/partners/{id}/targets',
  'POST /v1/metrics',
  'GET /v1/scorecards',
  'GET /v1/partners/{id}/scorecard',
  'GET /v1/contracts',
  'POST /v1/contracts',
  'POST /v1/contracts/{id}/versions',
  'GET /v1/contracts/pending',
  'POST /v1/contracts/{id}/versions/{version}/accept',
  'GET /v1/contracts/{id}/acceptances',
  'GET /v1/events',
  'POST /v1/webhooks',
  'GET /v1/webhooks',
  'DELETE /v1/webhooks/{id}',
  'POST /v1/imports',
  'GET /v1/imports/{id}',
];

describe('OpenAPI document generated from the contract', () => {
  it('is a valid OpenAPI 3.1 document according to an independent validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('is checked by a validator that does reject a broken document', async () => {
    const broken = structuredClone(document) as unknown as Record<string, unknown>;
    broken.paths = { '/v1/me': { get: { responses: 'none' } } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('contains every path and method of DESIGN §4, and no other', () => {
    const generated = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(generated.sort()).toEqual([...DESIGN_PATHS].sort());
  });

  it('documents every error code an endpoint can answer under its HTTP status', () => {
    const submit = document.paths['/v1/registrations']?.post;
    expect(Object.keys(submit?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '403', '404', '422', '429']),
    );
    expect(submit?.parameters.map((p) => p.name)).toContain('Idempotency-Key');
  });

  it('declares path parameters for every placeholder', () => {
    const accept = document.paths['/v1/contracts/{id}/versions/{version}/accept']?.post;
    expect(accept?.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual([
      'id',
      'version',
    ]);
  });
});
