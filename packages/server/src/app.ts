import { buildOpenApiDocument, endpoints } from '@openprm/core';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { ServerContext } from './context.js';
import { DEMO_KEYS } from './demo/keys.js';
import { handlers } from './handlers/index.js';
import { ProblemError } from './http/problem.js';
import { requestHeader } from './http/request-context.js';
import { registerEndpoints } from './http/router.js';
import { referencePage } from './pages/reference.js';
import { registerPortal } from './portal/routes.js';

const MAX_BODY_BYTES = 1024 * 1024;
/** A CSV import (`POST /v1/imports`) may be larger: 100,000 account rows take about 10 MiB. */
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** The demo keys as the pages list them: the key and who it stands for. */
export { DEMO_KEYS };

/** A problem answer with the request's id and the headers every answer carries. */
const problemResponse = (c: Context, problem: ProblemError) => {
  const requestId = c.get('requestId') ?? crypto.randomUUID();
  c.set('answered', true);
  return new Response(JSON.stringify({ ...problem.toJSON(), requestId }), {
    status: problem.status,
    headers: {
      'content-type': 'application/problem+json',
      'x-request-id': requestId,
      ...c.get('answerHeaders'),
      ...problem.headers,
    },
  });
};

/** The HTTP application over a server context. Tests call `app.request()` in-process. */
export const createApp = (context: ServerContext) => {
  const list = Object.values(endpoints);
  const openapi = buildOpenApiDocument(list, { version: context.version });
  const app = new Hono();

  app.use(async (c, next) => {
    const requestId = requestHeader(c, 'x-request-id')?.slice(0, 64) ?? crypto.randomUUID();
    c.set('requestId', requestId);
    await next();
    // The API's answers carry it already (built in one go, see http/router.ts); pages get it here.
    if (!c.get('answered')) c.header('x-request-id', requestId);
  });
  app.get('/healthz', (c) =>
    c.json({
      status: 'ok' as const,
      version: context.version,
      database: context.db.kind,
      demo: context.demo,
    }),
  );
  app.get('/v1/openapi.json', (c) => c.json(openapi));
  app.get('/docs', (c) =>
    c.html(referencePage(list, context.demo ? DEMO_KEYS.map((k) => k.key) : [])),
  );
  registerPortal(app, context);

  // The largest legitimate JSON body is a contract version (200,000 characters of text).
  const limitBodies = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        problemResponse(
          c,
          new ProblemError(
            'payload_too_large',
            `Request bodies are limited to ${maxSize / 1024 / 1024} MiB here.`,
          ),
        ),
    });
  const apiBodyLimit = limitBodies(MAX_BODY_BYTES);
  const importBodyLimit = limitBodies(MAX_IMPORT_BYTES);
  app.use('/v1/*', (c, next) => {
    const maxSize = c.req.path === '/v1/imports' ? MAX_IMPORT_BYTES : MAX_BODY_BYTES;
    // A declared length is what Node's parser holds the body to: it is checked as hono's
    // bodyLimit checks it, without building a web Request and its stream for each request (a
    // large share of a small request's cost). Bodies without a length are counted as they come.
    const length = requestHeader(c, 'content-length');
    if (length !== undefined && requestHeader(c, 'transfer-encoding') === undefined) {
      return Number.parseInt(length, 10) > maxSize
        ? (maxSize === MAX_IMPORT_BYTES ? importBodyLimit : apiBodyLimit)(c, next)
        : next();
    }
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return (maxSize === MAX_IMPORT_BYTES ? importBodyLimit : apiBodyLimit)(c, next);
  });
  if (context.corsOrigins.length > 0) {
    app.use(
      '/v1/*',
      cors({
        origin: [...context.corsOrigins],
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
        exposeHeaders: [
          'RateLimit-Limit',
          'RateLimit-Remaining',
          'RateLimit-Reset',
          'RateLimit-Policy',
          'Retry-After',
          'Idempotent-Replayed',
          'X-Request-Id',
        ],
        maxAge: 600,
      }),
    );
  }
  registerEndpoints(app, context, handlers);

  app.notFound((c) =>
    problemResponse(
      c,
      new ProblemError('not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`),
    ),
  );
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error);
    const requestId = c.get('requestId') ?? crypto.randomUUID();
    // Unexpected: log for operators (never the Authorization header), answer without internals.
    // The stack only: database errors carry the query parameters (user data) as properties.
    console.error(
      `[${requestId}] ${c.req.method} ${new URL(c.req.url).pathname}:`,
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
    return problemResponse(
      c,
      new ProblemError(
        'internal_error',
        `Something went wrong on our side. Quote request id ${requestId}.`,
      ),
    );
  });
  return app;
};
