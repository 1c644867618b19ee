import type { PrmEvent } from '@openprm/core';
import { describe, expect, it } from 'vitest';
import { createLiveEvents } from './live-events.js';

const event = (type: PrmEvent['type']): PrmEvent => ({
  id: `evt_${type}`,
  type,
  at: '2026-11-23T12:00:00.000Z',
  partnerId: 'ptr_1',
  subject: { type: 'registration', id: 'reg_1' },
  data: {},
});

/** A fake stream: counts opens and closes, and lets the test push events. */
const fakeStream = () => {
  const state = { opened: 0, closed: 0, push: (_event: PrmEvent) => {} };
  const open = (deliver: (event: PrmEvent) => void) => {
    state.opened++;
    state.push = deliver;
    return () => {
      state.closed++;
    };
  };
  return { state, open };
};

describe('createLiveEvents', () => {
  it('opens one stream for many listeners and gives each only the types it asked for', () => {
    const { state, open } = fakeStream();
    const live = createLiveEvents(open);
    const list: string[] = [];
    const board: string[] = [];
    live.listen(['registration.approved', 'registration.rejected'], (e) => list.push(e.type));
    live.listen(['metrics.recorded', 'registration.approved'], (e) => board.push(e.type));
    expect(state.opened).toBe(1);
    state.push(event('registration.approved'));
    state.push(event('metrics.recorded'));
    state.push(event('reservation.created'));
    expect(list).toEqual(['registration.approved']);
    expect(board).toEqual(['registration.approved', 'metrics.recorded']);
  });

  it('closes the stream when the last listener leaves, and opens it again for a new one', () => {
    const { state, open } = fakeStream();
    const live = createLiveEvents(open);
    const stopFirst = live.listen(['registration.approved'], () => undefined);
    const stopSecond = live.listen(['registration.approved'], () => undefined);
    stopFirst();
    expect(state.closed).toBe(0);
    stopSecond();
    expect(state.closed).toBe(1);
    live.listen(['registration.approved'], () => undefined);
    expect(state.opened).toBe(2);
    live.close();
    expect(state.closed).toBe(2);
  });
});
