import type {
  EndpointBody,
  EndpointId,
  EndpointQuery,
  EndpointResponse,
  Endpoints,
  PrmEvent,
  Requests,
} from '@openprm/core';
import { requestChecks as requests } from '@openprm/core/request-checks';
import { type EventSubscription, type SubscribeOptions, subscribeToEvents } from './events.js';
import { type PagePromise, paginate } from './pagination.js';
import {
  createTransport,
  type IdempotentRequestOptions,
  type PrmClientOptions,
  type RequestOptions,
  type RequestParts,
} from './transport.js';

/** The body an endpoint takes, as the caller sends it (from the contract's schema). */
export type Input<K extends EndpointId> = EndpointBody<Endpoints[K]>;
/** Query booleans travel as the text `true` / `false`; callers may pass real booleans. */
type WithBooleans<Q> = {
  [F in keyof Q]: Q[F] extends 'true' | 'false' | undefined ? Q[F] | boolean : Q[F];
};
/** The query an endpoint takes, as the caller sends it (from the contract's schema). */
export type Query<K extends EndpointId> = WithBooleans<NonNullable<EndpointQuery<Endpoints[K]>>>;
/** What an endpoint answers (from the contract's schema). */
export type Result<K extends EndpointId> = EndpointResponse<Endpoints[K]>;
/** The item type of a list endpoint. */
export type Item<K extends EndpointId> = Result<K> extends { data: (infer T)[] } ? T : never;
/** A list's query without the cursor: the page objects follow cursors themselves. */
export type ListQuery<K extends EndpointId> = Omit<Query<K>, 'cursor'>;
/** Per-call options: endpoints that take an `Idempotency-Key` also accept `idempotencyKey`. */
export type CallOptions<K extends EndpointId> = Endpoints[K] extends { idempotent: true }
  ? IdempotentRequestOptions
  : RequestOptions;

/**
 * What the client sends is `@openprm/core/request-checks`: every endpoint's method, path and
 * request checks as plain data, compiled from the contract's schemas when core is built. Neither
 * zod nor a response schema is bundled (see README "Bundle size").
 */
type ClientEndpointId = EndpointId & keyof Requests;

type ListEndpointId = {
  [K in ClientEndpointId]: Result<K> extends { nextCursor: string | null } ? K : never;
}[ClientEndpointId];

/**
 * Creates a client for the OpenPRM API. Every method is typed by the contract in
 * `@openprm/core`, validates its input before sending, and throws `PrmError` subclasses.
 *
 * @example
 * ```ts
 * import { createPrmClient } from '@openprm/sdk';
 *
 * const prm = createPrmClient({ baseUrl: 'https://prm.example.com', token: process.env.OPENPRM_API_KEY });
 * const registration = await prm.registrations.submit({
 *   accountId: 'acc_123',
 *   products: ['storage'],
 *   estimatedValue: { amount: 120_000, currency: 'EUR' },
 *   expectedCloseDate: '2027-03-31',
 * });
 * ```
 */
export const createPrmClient = (options: PrmClientOptions) => {
  if (!options || typeof options.baseUrl !== 'string' || options.baseUrl === '') {
    throw new TypeError('createPrmClient needs a baseUrl, e.g. "https://prm.example.com".');
  }
  const transport = createTransport(options);

  const call = <K extends ClientEndpointId>(
    id: K,
    parts: RequestParts,
    callOptions?: CallOptions<K>,
  ): Promise<Result<K>> =>
    transport.request(requests[id], parts, callOptions) as Promise<Result<K>>;

  const list = <K extends ListEndpointId>(
    id: K,
    query: ListQuery<K> | undefined,
    callOptions?: CallOptions<K>,
  ): PagePromise<Item<K>> =>
    paginate(
      (cursor) =>
        call(
          id,
          { query: { ...query, ...(cursor === undefined ? {} : { cursor }) } },
          callOptions,
        ) as Promise<{ data: Item<K>[]; nextCursor: string | null }>,
    );

  return {
    /** Browser sessions and who a token belongs to. */
    sessions: {
      /**
       * Mints a short-lived session token for a browser user. Call it from your backend with a
       * vendor admin API key and hand only the token to the page.
       */
      create: (
        input: Input<'sessions.create'>,
        options?: CallOptions<'sessions.create'>,
      ): Promise<Result<'sessions.create'>> => call('sessions.create', { body: input }, options),
      /** The caller: user, role and partner. */
      me: (options?: CallOptions<'sessions.me'>): Promise<Result<'sessions.me'>> =>
        call('sessions.me', {}, options),
    },

    /** Customer accounts (a tree of parents, subsidiaries and offices). */
    accounts: {
      /** Finds accounts by name or domain, forgivingly ("ACME, Inc." = "Acme Inc" = acme.com). */
      search: (
        query?: ListQuery<'accounts.search'>,
        options?: CallOptions<'accounts.search'>,
      ): PagePromise<Item<'accounts.search'>> => list('accounts.search', query, options),
      /** An account with its ancestors and descendants. */
      get: (id: string, options?: CallOptions<'accounts.get'>): Promise<Result<'accounts.get'>> =>
        call('accounts.get', { params: { id } }, options),
      /** Creates an account; a duplicate by normalised name or domain is refused (409). */
      create: (
        input: Input<'accounts.create'>,
        options?: CallOptions<'accounts.create'>,
      ): Promise<Result<'accounts.create'>> => call('accounts.create', { body: input }, options),
    },

    /** Account reservations: who may call on a customer. */
    reservations: {
      /** May the caller call on this account? open, reserved by you, by another, vendor-direct. */
      check: (
        accountId: string,
        options?: CallOptions<'reservations.check'>,
      ): Promise<Result<'reservations.check'>> =>
        call('reservations.check', { params: { id: accountId } }, options),
      /** Reserves an account and its descendants (idempotent: safe to retry). */
      reserve: (
        input: Input<'reservations.reserve'>,
        options?: CallOptions<'reservations.reserve'>,
      ): Promise<Result<'reservations.reserve'>> =>
        call('reservations.reserve', { body: input }, options),
      /** Renews an active reservation, a limited number of times. */
      renew: (
        id: string,
        options?: CallOptions<'reservations.renew'>,
      ): Promise<Result<'reservations.renew'>> =>
        call('reservations.renew', { params: { id } }, options),
      /** Releases a reservation so others may call on the account. */
      release: (
        id: string,
        options?: CallOptions<'reservations.release'>,
      ): Promise<Result<'reservations.release'>> =>
        call('reservations.release', { params: { id } }, options),
      /** Reservations (partners see their own). */
      list: (
        query?: ListQuery<'reservations.list'>,
        options?: CallOptions<'reservations.list'>,
      ): PagePromise<Item<'reservations.list'>> => list('reservations.list', query, options),
    },

    /** Deal registrations: submit, decide, extend, converse, audit. */
    registrations: {
      /**
       * Registers a deal. Idempotent: one `Idempotency-Key` per call, reused on every retry, so
       * a retried submit never makes a second registration.
       */
      submit: (
        input: Input<'registrations.submit'>,
        options?: CallOptions<'registrations.submit'>,
      ): Promise<Result<'registrations.submit'>> =>
        call('registrations.submit', { body: input }, options),
      /** A partner's own registrations, or the vendor's queue (`sort: 'queue'`). */
      list: (
        query?: ListQuery<'registrations.list'>,
        options?: CallOptions<'registrations.list'>,
      ): PagePromise<Item<'registrations.list'>> => list('registrations.list', query, options),
      /** One registration with its conflicts, extensions and comments. */
      get: (
        id: string,
        options?: CallOptions<'registrations.get'>,
      ): Promise<Result<'registrations.get'>> =>
        call('registrations.get', { params: { id } }, options),
      /** Approves: starts the protection period; overlapping pending ones are rejected. */
      approve: (
        id: string,
        input: Input<'registrations.approve'> = {},
        options?: CallOptions<'registrations.approve'>,
      ): Promise<Result<'registrations.approve'>> =>
        call('registrations.approve', { params: { id }, body: input }, options),
      /** Rejects with a reason code from the published list and an explanation. */
      reject: (
        id: string,
        input: Input<'registrations.reject'>,
        options?: CallOptions<'registrations.reject'>,
      ): Promise<Result<'registrations.reject'>> =>
        call('registrations.reject', { params: { id }, body: input }, options),
      /** Withdraws a submitted or approved registration (partner). */
      withdraw: (
        id: string,
        input: Input<'registrations.withdraw'> = {},
        options?: CallOptions<'registrations.withdraw'>,
      ): Promise<Result<'registrations.withdraw'>> =>
        call('registrations.withdraw', { params: { id }, body: input }, options),
      /** Closes an approved registration as won or lost. */
      close: (
        id: string,
        input: Input<'registrations.close'>,
        options?: CallOptions<'registrations.close'>,
      ): Promise<Result<'registrations.close'>> =>
        call('registrations.close', { params: { id }, body: input }, options),
      /** Asks for a longer protection period, with a justification (partner). */
      requestExtension: (
        id: string,
        input: Input<'registrations.requestExtension'>,
        options?: CallOptions<'registrations.requestExtension'>,
      ): Promise<Result<'registrations.requestExtension'>> =>
        call('registrations.requestExtension', { params: { id }, body: input }, options),
      /** Grants an extension request (vendor). */
      approveExtension: (
        id: string,
        extensionId: string,
        input: Input<'registrations.approveExtension'> = {},
        options?: CallOptions<'registrations.approveExtension'>,
      ): Promise<Result<'registrations.approveExtension'>> =>
        call(
          'registrations.approveExtension',
          { params: { id, eid: extensionId }, body: input },
          options,
        ),
      /** Refuses an extension request, with a reason (vendor). */
      rejectExtension: (
        id: string,
        extensionId: string,
        input: Input<'registrations.rejectExtension'>,
        options?: CallOptions<'registrations.rejectExtension'>,
      ): Promise<Result<'registrations.rejectExtension'>> =>
        call(
          'registrations.rejectExtension',
          { params: { id, eid: extensionId }, body: input },
          options,
        ),
      /** Adds to the conversation on a registration. */
      comment: (
        id: string,
        input: Input<'registrations.comment'>,
        options?: CallOptions<'registrations.comment'>,
      ): Promise<Result<'registrations.comment'>> =>
        call('registrations.comment', { params: { id }, body: input }, options),
      /** Escalates a registration to the channel manager (partner). */
      escalate: (
        id: string,
        input: Input<'registrations.escalate'>,
        options?: CallOptions<'registrations.escalate'>,
      ): Promise<Result<'registrations.escalate'>> =>
        call('registrations.escalate', { params: { id }, body: input }, options),
      /** The append-only audit trail: who, when, from, to, why. */
      audit: (
        id: string,
        options?: CallOptions<'registrations.audit'>,
      ): Promise<Result<'registrations.audit'>> =>
        call('registrations.audit', { params: { id } }, options),
    },

    /** Partner profiles and skills search. */
    partners: {
      /** Partners (a partner user sees only its own). */
      list: (
        query?: ListQuery<'partners.list'>,
        options?: CallOptions<'partners.list'>,
      ): PagePromise<Item<'partners.list'>> => list('partners.list', query, options),
      /** One partner profile. */
      get: (id: string, options?: CallOptions<'partners.get'>): Promise<Result<'partners.get'>> =>
        call('partners.get', { params: { id } }, options),
      /** Who is best for this customer? Ranked by skills, level, certification and place. */
      search: (
        query: Query<'partners.search'> = {},
        options?: CallOptions<'partners.search'>,
      ): Promise<Result<'partners.search'>> => call('partners.search', { query }, options),
      /** Replaces a partner's skills inventory; refreshes its profile date. */
      updateSkills: (
        id: string,
        input: Input<'partners.updateSkills'>,
        options?: CallOptions<'partners.updateSkills'>,
      ): Promise<Result<'partners.updateSkills'>> =>
        call('partners.updateSkills', { params: { id }, body: input }, options),
    },

    /** Objectives of the program (metric, period, direction, thresholds). */
    objectives: {
      /** Every objective. */
      list: (options?: CallOptions<'objectives.list'>): Promise<Result<'objectives.list'>> =>
        call('objectives.list', {}, options),
      /** Creates an objective. */
      create: (
        input: Input<'objectives.create'>,
        options?: CallOptions<'objectives.create'>,
      ): Promise<Result<'objectives.create'>> =>
        call('objectives.create', { body: input }, options),
    },

    /** Partner targets per objective. */
    targets: {
      /** Sets a partner's targets (per objective, optionally per account). */
      set: (
        partnerId: string,
        input: Input<'targets.set'>,
        options?: CallOptions<'targets.set'>,
      ): Promise<Result<'targets.set'>> =>
        call('targets.set', { params: { id: partnerId }, body: input }, options),
    },

    /** Actuals from outside systems (turnover from the ERP …). */
    metrics: {
      /** Records actuals. */
      record: (
        input: Input<'metrics.record'>,
        options?: CallOptions<'metrics.record'>,
      ): Promise<Result<'metrics.record'>> => call('metrics.record', { body: input }, options),
    },

    /** The traffic-light scorecards. */
    scorecards: {
      /** The board grouped by region or segment, with roll-ups. */
      board: (
        query: Query<'scorecards.board'> = {},
        options?: CallOptions<'scorecards.board'>,
      ): Promise<Result<'scorecards.board'>> => call('scorecards.board', { query }, options),
      /** One partner's lights per objective with value, target, trend and next best action. */
      forPartner: (
        partnerId: string,
        query: Query<'scorecards.forPartner'> = {},
        options?: CallOptions<'scorecards.forPartner'>,
      ): Promise<Result<'scorecards.forPartner'>> =>
        call('scorecards.forPartner', { params: { id: partnerId }, query }, options),
    },

    /** Contracts and terms acceptance. */
    contracts: {
      /** Contracts and their current versions. */
      list: (options?: CallOptions<'contracts.list'>): Promise<Result<'contracts.list'>> =>
        call('contracts.list', {}, options),
      /** Creates a contract (vendor admin). */
      create: (
        input: Input<'contracts.create'>,
        options?: CallOptions<'contracts.create'>,
      ): Promise<Result<'contracts.create'>> => call('contracts.create', { body: input }, options),
      /** Publishes a new version; one requiring re-acceptance becomes pending for every partner. */
      publish: (
        contractId: string,
        input: Input<'contracts.publish'>,
        options?: CallOptions<'contracts.publish'>,
      ): Promise<Result<'contracts.publish'>> =>
        call('contracts.publish', { params: { id: contractId }, body: input }, options),
      /** Contract versions the caller's partner still has to accept. */
      pending: (options?: CallOptions<'contracts.pending'>): Promise<Result<'contracts.pending'>> =>
        call('contracts.pending', {}, options),
      /** Accepts a version explicitly, confirming its hash; returns the immutable receipt. */
      accept: (
        contractId: string,
        version: number,
        input: Input<'contracts.accept'>,
        options?: CallOptions<'contracts.accept'>,
      ): Promise<Result<'contracts.accept'>> =>
        call('contracts.accept', { params: { id: contractId, version }, body: input }, options),
      /** Who has accepted which version, and who has not yet (vendor). */
      acceptances: (
        contractId: string,
        query: Query<'contracts.acceptances'> = {},
        options?: CallOptions<'contracts.acceptances'>,
      ): Promise<Result<'contracts.acceptances'>> =>
        call('contracts.acceptances', { params: { id: contractId }, query }, options),
    },

    /** Live state changes (`GET /v1/events`), scoped to the caller. */
    events: {
      /**
       * Calls `handler` for every event the caller may see, as it happens; reconnects and resumes
       * (`Last-Event-ID`) after a drop, so none is lost. `close()` the subscription when done.
       *
       * @example
       * ```ts
       * const subscription = prm.events.subscribe(
       *   (event) => console.log(event.type, event.subject.id),
       *   { types: ['registration.approved', 'registration.rejected'] },
       * );
       * ```
       */
      subscribe: (
        handler: (event: PrmEvent) => void,
        options?: SubscribeOptions,
      ): EventSubscription =>
        subscribeToEvents(
          (query, lastEventId, signal) =>
            transport.stream(
              requests['events.stream'],
              { query },
              { signal, ...(lastEventId ? { headers: { 'last-event-id': lastEventId } } : {}) },
            ),
          (response) => transport.refusal(response),
          handler,
          options,
        ),
    },

    /** Signed deliveries of events to your URLs (vendor admin). */
    webhooks: {
      /**
       * Subscribes a URL to event types. The answer holds the signing `secret` — shown this once:
       * store it, and check each delivery with `verifyWebhookSignature`.
       */
      create: (
        input: Input<'webhooks.create'>,
        options?: CallOptions<'webhooks.create'>,
      ): Promise<Result<'webhooks.create'>> => call('webhooks.create', { body: input }, options),
      list: (
        query?: ListQuery<'webhooks.list'>,
        options?: CallOptions<'webhooks.list'>,
      ): PagePromise<Item<'webhooks.list'>> => list('webhooks.list', query, options),
      /** Stops deliveries to a webhook. */
      delete: (id: string, options?: CallOptions<'webhooks.delete'>): Promise<void> =>
        call('webhooks.delete', { params: { id } }, options) as Promise<void>,
    },

    /** CSV imports of accounts, partners with skills, and metrics (vendor admin). */
    imports: {
      /**
       * Uploads a CSV file (its text). `dryRun: true` validates every row and writes nothing.
       * Follow the progress with `imports.get(id)` or the `import.*` events.
       */
      create: (
        csv: string,
        query: Query<'imports.create'>,
        options?: CallOptions<'imports.create'>,
      ): Promise<Result<'imports.create'>> => call('imports.create', { body: csv, query }, options),
      get: (id: string, options?: CallOptions<'imports.get'>): Promise<Result<'imports.get'>> =>
        call('imports.get', { params: { id } }, options),
    },
  };
};

/** The client `createPrmClient` returns. */
export type PrmClient = ReturnType<typeof createPrmClient>;
