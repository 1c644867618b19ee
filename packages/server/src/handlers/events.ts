import type { Handlers } from '../http/router.js';
import { streamEvents } from '../services/event-stream.js';

export const eventHandlers = {
  'events.stream': ({ tx, principal, query, request, context }) =>
    streamEvents(
      tx,
      principal,
      {
        types: query?.types,
        lastEventId: request.headers.get('last-event-id') ?? undefined,
        signal: request.signal,
      },
      context.eventStream,
    ),
} satisfies Handlers;
