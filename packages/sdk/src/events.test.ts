import type { EventType, PrmEvent } from '@openprm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidationError } from './errors.js';
import type { EventSubscription } from './events.js';
import { type DemoServer, startDemoServer } from './testing/server.js';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

/** Collects a subscription's events; `until(n)` waits for the n-th. */
const collect = () => {
  const events: PrmEvent[] = [];
  return {
    events,
    handler: (event: PrmEvent) => events.push(event),
    until: async (count: number) => {
      const deadline = Date.now() + 5_000;
      while (events.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} events, got ${events.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return events;
    },
  };
};

/** Open accounts of the demo world, for reservations that succeed. */
const openAccounts = async (count: number) => {
  const vendor = demo.client('prm_demo_vendor');
  const open: string[] = [];
  for await (const account of vendor.accounts.search({ limit: 100 })) {
    if (account.vendorDirect || account.parentId !== null) continue;
    const check = await demo.client('prm_demo_partner2').reservations.check(account.id);
    if (check.status === 'open') open.push(account.id);
    if (open.length === count) return open;
  }
  throw new Error('not enough open accounts in the demo world');
};

const types: EventType[] = ['reservation.created', 'reservation.released'];

describe('events.subscribe', () => {
  let subscriptions: EventSubscription[] = [];
  const track = (subscription: EventSubscription) => {
    subscriptions.push(subscription);
    return subscription;
  };
  afterAll(() => {
    for (const subscription of subscriptions) subscription.close();
    subscriptions = [];
  });

  it('delivers a partner only its own partner’s events, a vendor everyone’s', async () => {
    const [mine, theirs] = await openAccounts(2);
    const partner2 = collect();
    const vendor = collect();
    const opened = Promise.all([
      new Promise<void>((onOpen) =>
        track(
          demo.client('prm_demo_partner2').events.subscribe(partner2.handler, { types, onOpen }),
        ),
      ),
      new Promise<void>((onOpen) =>
        track(demo.client('prm_demo_vendor').events.subscribe(vendor.handler, { types, onOpen })),
      ),
    ]);
    await opened;
    await demo.client('prm_demo_partner1').reservations.reserve({ accountId: theirs as string });
    await demo.client('prm_demo_partner2').reservations.reserve({ accountId: mine as string });
    const seenByVendor = await vendor.until(2);
    expect(new Set(seenByVendor.map((event) => event.subject.type))).toEqual(
      new Set(['reservation']),
    );
    await partner2.until(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(partner2.events.map((event) => event.data.reservation)).toEqual([
      expect.objectContaining({ accountId: mine }),
    ]);
  });

  it('reconnects after the stream drops and resumes without losing or repeating an event', async () => {
    const [account] = await openAccounts(1);
    let streams = 0;
    // A fetch that cuts the first event stream after its first event, like a flaky proxy.
    const flaky: typeof fetch = async (input, init) => {
      const response = await demo.fetch(input, init);
      if (!String(input).includes('/v1/events') || streams++ > 0 || !response.body) return response;
      const reader = response.body.getReader();
      let sawEvent = false;
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (sawEvent) {
            await reader.cancel();
            controller.error(new TypeError('network connection lost'));
            return;
          }
          const { done, value } = await reader.read();
          if (done) return controller.close();
          if (new TextDecoder().decode(value).includes('data:')) sawEvent = true;
          controller.enqueue(value);
        },
      });
      return new Response(body, response);
    };
    const received = collect();
    const errors: unknown[] = [];
    const subscriber = demo.client('prm_demo_vendor', { fetch: flaky });
    await new Promise<void>((onOpen) =>
      track(
        subscriber.events.subscribe(received.handler, {
          types,
          onOpen,
          onError: (error) => errors.push(error),
        }),
      ),
    );
    const partner = demo.client('prm_demo_partner1');
    const reservation = await partner.reservations.reserve({ accountId: account as string });
    await received.until(1);
    await partner.reservations.release(reservation.id);
    const events = await received.until(2);
    expect(events.map((event) => event.type)).toEqual([
      'reservation.created',
      'reservation.released',
    ]);
    expect(new Set(events.map((event) => event.id)).size).toBe(2);
    expect(streams).toBeGreaterThanOrEqual(2);
    expect(errors.length).toBeGreaterThanOrEqual(1);
  });

  it('resumes from a stored lastEventId', async () => {
    const [first, second] = await openAccounts(2);
    const live = collect();
    const vendor = demo.client('prm_demo_vendor');
    const subscription = await new Promise<EventSubscription>((resolve) => {
      const started = vendor.events.subscribe(live.handler, {
        types,
        onOpen: () => resolve(started),
      });
    });
    await demo.client('prm_demo_partner1').reservations.reserve({ accountId: first as string });
    await live.until(1);
    subscription.close();
    const stored = subscription.lastEventId;
    expect(stored).toBe(live.events[0]?.id);
    await demo.client('prm_demo_partner2').reservations.reserve({ accountId: second as string });
    const resumed = collect();
    track(vendor.events.subscribe(resumed.handler, { types, lastEventId: stored as string }));
    const [missed] = await resumed.until(1);
    expect(missed?.data.reservation).toMatchObject({ accountId: second });
  });

  it('ends with a ValidationError for an unknown event type', async () => {
    const errors: unknown[] = [];
    const subscription = demo.client('prm_demo_vendor').events.subscribe(() => undefined, {
      types: ['registration.approved', 'nope' as EventType],
      onError: (error) => errors.push(error),
    });
    await subscription.closed;
    expect(errors).toHaveLength(1);
    expect(isValidationError(errors[0])).toBe(true);
  });
});
