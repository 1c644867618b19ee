import * as z from 'zod/mini';
import { ERROR_STATUS } from '../schemas/codes.js';
import * as schemas from '../schemas/index.js';
import { type EndpointDefinition, errorCodesOf, pathParamNames } from './endpoint.js';

type JsonObject = Record<string, unknown>;

export interface OpenApiOptions {
  /** The package version, written into `info.version`. */
  version: string;
  /** Server URLs to list, e.g. `http://localhost:8787`. */
  servers?: string[];
}

const isSchema = (value: unknown): value is z.ZodMiniType =>
  typeof value === 'object' && value !== null && '_zod' in value;

/** Query-only schemas hold text→value transforms that JSON Schema cannot show as outputs. */
const isQueryOnly = (name: string) => name.endsWith('Query') || name === 'QueryBoolean';

const pascal = (id: string) =>
  id
    .split(/[^A-Za-z0-9]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Every exported entity schema becomes a named component; endpoint-specific ones get derived names. */
const buildRegistry = (endpoints: readonly EndpointDefinition[]) => {
  const registry = z.registry<{ id: string }>();
  const idOf = new Map<z.ZodMiniType, string>();
  const add = (schema: z.ZodMiniType, id: string) => {
    if (idOf.has(schema)) return;
    idOf.set(schema, id);
    registry.add(schema, { id });
  };
  for (const [name, value] of Object.entries(schemas)) {
    if (isSchema(value) && !isQueryOnly(name)) add(value, name);
  }
  for (const endpoint of endpoints) {
    if (endpoint.body && endpoint.bodyType !== 'csv')
      add(endpoint.body, `${pascal(endpoint.id)}Body`);
    if (endpoint.response) add(endpoint.response, `${pascal(endpoint.id)}Response`);
  }
  return { registry, idOf };
};

/** A standalone schema for one parameter: inline, input side (query text before coercion). */
const parameterSchema = (schema: z.core.$ZodType) => {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    io: 'input',
    metadata: z.registry(),
    unrepresentable: 'any',
  }) as JsonObject;
  return json;
};

const parametersOf = (endpoint: EndpointDefinition) => {
  const parameters: JsonObject[] = [];
  const pathNames = new Set(pathParamNames(endpoint.path));
  for (const [name, schema] of Object.entries(endpoint.params?.shape ?? {})) {
    if (!pathNames.has(name))
      throw new Error(`${endpoint.id}: param "${name}" not in ${endpoint.path}`);
    parameters.push({ name, in: 'path', required: true, schema: parameterSchema(schema) });
  }
  for (const [name, schema] of Object.entries(endpoint.query?.shape ?? {})) {
    const optional = schema._zod.optin === 'optional';
    const json = parameterSchema(schema);
    parameters.push({
      name,
      in: 'query',
      required: !optional,
      schema: json,
      ...(typeof json.description === 'string' ? { description: json.description } : {}),
    });
  }
  if (endpoint.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Retrying with the same key replays the first answer; a different body with the same key is a 422.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  return parameters;
};

const problemResponse = (codes: string[]) => ({
  description: `Problem: ${codes.map((code) => `\`${code}\``).join(', ')}`,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

const responsesOf = (endpoint: EndpointDefinition, idOf: Map<z.ZodMiniType, string>) => {
  const responses: Record<string, JsonObject> = {};
  const kind = endpoint.responseKind ?? 'json';
  const schemaRef = endpoint.response ? ref(idOf.get(endpoint.response) as string) : undefined;
  responses[String(endpoint.status)] =
    kind === 'empty' || !schemaRef
      ? { description: 'Done' }
      : {
          description: endpoint.summary,
          content: {
            [kind === 'event-stream' ? 'text/event-stream' : 'application/json']: {
              schema: schemaRef,
            },
          },
        };
  const byStatus = new Map<number, string[]>();
  for (const code of errorCodesOf(endpoint)) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of byStatus) responses[String(status)] = problemResponse(codes);
  return responses;
};

const operationOf = (endpoint: EndpointDefinition, idOf: Map<z.ZodMiniType, string>) => {
  const operation: JsonObject = {
    operationId: endpoint.id,
    summary: endpoint.summary,
    tags: [endpoint.id.split('.')[0]],
    parameters: parametersOf(endpoint),
    responses: responsesOf(endpoint, idOf),
    'x-openprm-roles': endpoint.roles,
    'x-openprm-error-codes': errorCodesOf(endpoint),
  };
  if (endpoint.description) operation.description = endpoint.description;
  if (endpoint.roles === 'public') operation.security = [];
  if (endpoint.partnerScoped) operation['x-openprm-partner-scoped'] = true;
  if (endpoint.gatedBy) operation['x-openprm-gated-by'] = endpoint.gatedBy;
  if (endpoint.body) {
    operation.requestBody = {
      required: true,
      content:
        endpoint.bodyType === 'csv'
          ? { 'text/csv': { schema: { type: 'string' } } }
          : { 'application/json': { schema: ref(idOf.get(endpoint.body) as string) } },
    };
  }
  return operation;
};

/** The OpenAPI 3.1 document of the API, generated from the contract (never written by hand). */
export const buildOpenApiDocument = (
  endpoints: readonly EndpointDefinition[],
  options: OpenApiOptions,
): JsonObject => {
  const { registry, idOf } = buildRegistry(endpoints);
  const { schemas: components } = z.toJSONSchema(registry, {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  }) as { schemas: Record<string, JsonObject> };
  for (const schema of Object.values(components)) {
    delete schema.$schema;
    delete schema.id;
    delete schema.$id;
  }
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const endpoint of endpoints) {
    paths[endpoint.path] ??= {};
    (paths[endpoint.path] as Record<string, JsonObject>)[endpoint.method.toLowerCase()] =
      operationOf(endpoint, idOf);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'OpenPRM API',
      version: options.version,
      description:
        'Partner relationship management: account reservations, deal registrations, partner skills, traffic-light scorecards, contracts and integration. Errors are RFC 9457 problem details with a stable `code`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: (options.servers ?? []).map((url) => ({ url })),
    security: [{ bearerAuth: [] }],
    tags: [...new Set(endpoints.map((endpoint) => endpoint.id.split('.')[0]))].map((name) => ({
      name,
    })),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key (server side) or a short-lived session token from POST /v1/sessions.',
        },
      },
    },
  };
};
