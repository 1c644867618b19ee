import type { ScorecardBoard } from '@openprm/core';
import { MOCK_PARTNER_IDS } from '@openprm/mock';
import { createPrmClient, type PrmClient } from '@openprm/sdk';
import { html } from 'lit';
import { describe, expect, inject, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { mockWorld } from '../test-support/mock-client.js';
import { mount, nextEvent, shadow, textOf } from '../test-support/render.js';
import '../provider/define.js';
import './define.js';
import type { PrmTrafficLightBoard } from './traffic-light-board.js';

const all = (element: Element, selector: string) => [
  ...shadow(element).querySelectorAll<HTMLElement>(selector),
];
const partnerRows = (element: Element) => all(element, '[part="row"]');
const groupRows = (element: Element) => all(element, '[part="group-row"]');
const focused = (element: Element) => shadow(element).activeElement as HTMLElement | null;

const mountBoard = async (client: PrmClient, attributes: { locale?: string } = {}) => {
  const element = await mount<PrmTrafficLightBoard>(
    html`<prm-traffic-light-board .client=${client} locale=${attributes.locale ?? 'en'}></prm-traffic-light-board>`,
  );
  await vi.waitFor(() => expect(groupRows(element).length).toBeGreaterThan(0), { timeout: 10_000 });
  return element;
};

const managerBoard = async () => {
  const client = mockWorld().client('manager');
  const data = await client.scorecards.board();
  return { client, data, element: await mountBoard(client) };
};

/** The 10,000-partner board, fetched once through the mock: building that world takes seconds. */
let largeBoard: Promise<ScorecardBoard> | undefined;
const fetchLargeBoard = () => {
  largeBoard ??= mockWorld({ scenario: 'large' }).client('manager').scorecards.board();
  return largeBoard;
};

const partnerCount = (data: ScorecardBoard) =>
  data.groups.reduce((sum, group) => sum + group.partners.length, 0);

describe('<prm-traffic-light-board>', () => {
  it('shows each group with its roll-up light in words and every light with a text', async () => {
    const { data, element } = await managerBoard();
    const groups = groupRows(element);
    expect(groups.map((row) => textOf(row.querySelector('[part="group-toggle"]')))).toEqual(
      data.groups.map((group) => `▾ Region: ${group.key}`),
    );
    const labels = { green: 'On track', yellow: 'At risk', red: 'Off track', unknown: 'No data' };
    data.groups.forEach((group, index) => {
      const light = groups[index]?.querySelector('.light');
      expect(light?.getAttribute('data-light')).toBe(group.light);
      expect(textOf(light)).toContain(labels[group.light]);
    });
    expect(partnerRows(element)).toHaveLength(partnerCount(data));
    for (const light of all(element, '.light')) {
      expect(textOf(light.querySelector('.label'))).not.toBe('');
      expect(light.querySelector('.shape')?.getAttribute('aria-hidden')).toBe('true');
    }
    const grid = shadow(element).querySelector('[role="grid"]');
    expect(grid?.getAttribute('aria-rowcount')).toBe(
      String(data.groups.length + partnerCount(data) + 1),
    );
    expect(textOf(shadow(element).querySelector('[part="legend"]'))).toMatch(
      /On track.*At risk.*Off track.*No data/,
    );
    await expectNoAxeViolations(element);
  });

  it('collapses and expands a group from the keyboard', async () => {
    const { data, element } = await managerBoard();
    const first = data.groups[0];
    if (!first) throw new Error('the default world has groups');
    const toggle = shadow(element).querySelector<HTMLElement>('[part="group-toggle"]');
    toggle?.focus();
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() =>
      expect(partnerRows(element)).toHaveLength(partnerCount(data) - first.partners.length),
    );
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    await expectNoAxeViolations(element);

    // The next row is now the second group's header.
    await userEvent.keyboard('{ArrowDown}');
    expect(focused(element)?.getAttribute('part')).toBe('group-toggle');
    expect(textOf(focused(element))).toContain(data.groups[1]?.key ?? '?');
    await userEvent.keyboard('{ArrowUp}');
    await userEvent.keyboard(' ');
    await vi.waitFor(() => expect(partnerRows(element)).toHaveLength(partnerCount(data)));
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
  });

  it('filters to partners with an objective off track', async () => {
    const { data, element } = await managerBoard();
    const withRed = data.groups
      .flatMap((group) => group.partners)
      .filter((partner) => partner.objectives.some((status) => status.light === 'red'));
    expect(withRed.length).toBeGreaterThan(0);
    expect(withRed.length).toBeLessThan(partnerCount(data));
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Show' }), 'red');
    await vi.waitFor(() => expect(partnerRows(element)).toHaveLength(withRed.length));
    for (const row of partnerRows(element)) {
      expect(row.querySelector('[part="cell"] .light[data-light="red"]')).not.toBeNull();
    }
    await expectNoAxeViolations(element);
  });

  it('finds partners by name and says when none match', async () => {
    const { data, element } = await managerBoard();
    const someone = data.groups[0]?.partners[0]?.partnerName ?? '?';
    await userEvent.fill(page.getByRole('searchbox', { name: 'Search partners' }), someone);
    await vi.waitFor(() => expect(partnerRows(element).length).toBeGreaterThanOrEqual(1));
    expect(partnerRows(element).every((row) => textOf(row).includes(someone))).toBe(true);
    await userEvent.fill(page.getByRole('searchbox', { name: 'Search partners' }), 'zzz-nobody');
    await vi.waitFor(() =>
      expect(textOf(shadow(element))).toContain('No partners match the filter or search.'),
    );
  });

  it('sorts partners by name and by an objective, worst first', async () => {
    const { data, element } = await managerBoard();
    const biggest = [...data.groups].sort((a, b) => b.partners.length - a.partners.length)[0];
    if (!biggest) throw new Error('no groups');
    const namesIn = (key: string) => {
      const rows = [...shadow(element).querySelectorAll('[role="row"]')];
      const start = rows.findIndex((row) => textOf(row).includes(`Region: ${key}`));
      const names: string[] = [];
      for (const row of rows.slice(start + 1)) {
        if (row.getAttribute('part') !== 'row') break;
        names.push(textOf(row.querySelector('[part="partner-button"]')));
      }
      return names;
    };
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Sort' }), 'name');
    const byName = biggest.partners
      .map((partner) => partner.partnerName)
      .sort(new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare);
    await vi.waitFor(() => expect(namesIn(biggest.key)).toEqual(byName));

    const objective = data.objectives[0];
    if (!objective) throw new Error('no objectives');
    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Sort' }), objective.id);
    const order = { red: 0, yellow: 1, unknown: 2, green: 3 };
    await vi.waitFor(() => {
      const lights = namesIn(biggest.key).map((name) => {
        const partner = biggest.partners.find((candidate) => candidate.partnerName === name);
        const light = partner?.objectives.find((s) => s.objectiveId === objective.id)?.light;
        return order[light ?? 'unknown'];
      });
      expect(lights).toEqual([...lights].sort((a, b) => a - b));
      expect(lights).toHaveLength(biggest.partners.length);
    });
  });

  it('drills down into an objective by click and by keyboard, and into a partner', async () => {
    const { data, element } = await managerBoard();
    const firstPartner = data.groups[0]?.partners[0];
    const [first, second] = data.objectives;
    if (!firstPartner || !first || !second) throw new Error('fixtures changed');

    const clicked = nextEvent('prm-drill-down');
    const cell = shadow(element).querySelector<HTMLElement>(
      `[part="row"] [data-objective="${first.id}"]`,
    );
    if (!cell) throw new Error('no cell');
    await userEvent.click(cell);
    const click = await clicked;
    expect(click.partnerId).toBe(firstPartner.partnerId);
    expect(click.objectiveId).toBe(first.id);

    // From the partner's name: Right moves to the overall light, then the objectives.
    shadow(element).querySelector<HTMLElement>('[part="partner-button"]')?.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(focused(element)?.getAttribute('data-objective')).toBe(second.id);
    const pressed = nextEvent('prm-drill-down');
    await userEvent.keyboard('{Enter}');
    const key = await pressed;
    expect(key.partnerId).toBe(firstPartner.partnerId);
    expect(key.objectiveId).toBe(second.id);

    await userEvent.keyboard('{Home}');
    expect(focused(element)?.getAttribute('part')).toBe('partner-button');
    const partnerEvent = nextEvent('prm-drill-down');
    await userEvent.keyboard(' ');
    const partner = await partnerEvent;
    expect(partner.partnerId).toBe(firstPartner.partnerId);
    expect(partner.objectiveId).toBeUndefined();
  });

  it('keeps the DOM bounded with 10,000 partners and scrolls to the last one', async () => {
    const data = await fetchLargeBoard();
    const total = partnerCount(data);
    expect(total).toBe(10_000);
    const element = await mount<PrmTrafficLightBoard>(
      html`<prm-traffic-light-board .board=${data} locale="en"></prm-traffic-light-board>`,
    );
    const rows = () => all(element, '[role="row"]');
    expect(rows().length).toBeGreaterThan(5);
    expect(rows().length).toBeLessThanOrEqual(100);
    expect(shadow(element).querySelector('[role="grid"]')?.getAttribute('aria-rowcount')).toBe(
      String(total + data.groups.length + 1),
    );

    const lastGroup = data.groups.at(-1);
    const last = lastGroup?.partners.at(-1);
    if (!last) throw new Error('no partners');
    const viewport = shadow(element).querySelector<HTMLElement>('[part="viewport"]');
    if (!viewport) throw new Error('no viewport');
    viewport.scrollTop = viewport.scrollHeight;
    await vi.waitFor(() =>
      expect(
        partnerRows(element).at(-1)?.querySelector('[part="partner-button"]')?.textContent,
      ).toBe(last.partnerName),
    );
    expect(rows().length).toBeLessThanOrEqual(100);
    expect(partnerRows(element).at(-1)?.getAttribute('aria-rowindex')).toBe(
      String(total + data.groups.length + 1),
    );
  }, 30_000);

  it('moves through 10,000 rows by keyboard, keeping focus on the rendered active cell', async () => {
    const data = await fetchLargeBoard();
    const element = await mount<PrmTrafficLightBoard>(
      html`<prm-traffic-light-board .board=${data} locale="en"></prm-traffic-light-board>`,
    );
    shadow(element).querySelector<HTMLElement>('[part="group-toggle"]')?.focus();
    await userEvent.keyboard('{PageDown}{PageDown}{ArrowDown}');
    const row = focused(element)?.closest('[role="row"]');
    expect(Number(row?.getAttribute('aria-rowindex'))).toBeGreaterThan(20);
    await userEvent.keyboard('{Control>}{End}{/Control}');
    const lastRow = focused(element)?.closest('[role="row"]');
    const rowCount = shadow(element).querySelector('[role="grid"]')?.getAttribute('aria-rowcount');
    expect(lastRow?.getAttribute('aria-rowindex')).toBe(rowCount);
    expect(focused(element)?.getAttribute('part')).toBe('action-cell');
    expect(all(element, '[role="row"]').length).toBeLessThanOrEqual(100);

    // Scrolling away with the wheel or scrollbar keeps the focused row (and focus) in place.
    const cell = focused(element);
    const viewport = shadow(element).querySelector<HTMLElement>('[part="viewport"]');
    if (!viewport) throw new Error('no viewport');
    viewport.scrollTop = 0;
    await vi.waitFor(() => expect(textOf(groupRows(element)[0])).toContain(`Region:`));
    await element.updateComplete;
    expect(focused(element)).toBe(cell);
    expect(all(element, '[role="row"]').length).toBeLessThanOrEqual(100);
  }, 30_000);

  it('speaks German', async () => {
    const client = mockWorld().client('manager');
    await mount<HTMLElement>(
      html`<div lang="de"><prm-traffic-light-board .client=${client}></prm-traffic-light-board></div>`,
    );
    const element = document.querySelector('prm-traffic-light-board') as PrmTrafficLightBoard;
    await vi.waitFor(() => expect(groupRows(element).length).toBeGreaterThan(0));
    const text = textOf(shadow(element));
    expect(text).toContain('Legende');
    expect(text).toContain('Nächster Schritt');
    expect(text).toMatch(/Im Plan|Gefährdet|Nicht im Plan|Keine Daten/);
    expect(text).not.toContain('On track');
  });

  it('renders a hostile partner name as text', async () => {
    const world = mockWorld();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const partner = (await world.api.state()).partners.get(MOCK_PARTNER_IDS.partner1);
    if (partner) partner.name = hostile;
    const element = await mountBoard(world.client('manager'));
    expect(shadow(element).querySelector('img')).toBeNull();
    expect(all(element, '[part="partner-button"]').map((button) => textOf(button))).toContain(
      hostile,
    );
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('renders a board it is given, without a client', async () => {
    const data = await mockWorld().client('manager').scorecards.board({ groupBy: 'segment' });
    const element = await mount<PrmTrafficLightBoard>(
      html`<prm-traffic-light-board .board=${data}></prm-traffic-light-board>`,
    );
    expect(textOf(groupRows(element)[0])).toContain(`Segment: ${data.groups[0]?.key}`);
  });

  it('groups by segment when asked', async () => {
    const client = mockWorld().client('manager');
    const element = await mount<PrmTrafficLightBoard>(
      html`<prm-traffic-light-board group-by="segment" .client=${client}></prm-traffic-light-board>`,
    );
    await vi.waitFor(() => expect(textOf(groupRows(element)[0])).toContain('Segment:'));
  });

  it('shows the empty state', async () => {
    const element = await mount<PrmTrafficLightBoard>(
      html`<prm-traffic-light-board .client=${mockWorld({ scenario: 'empty' }).client('manager')}></prm-traffic-light-board>`,
    );
    await vi.waitFor(() => expect(textOf(shadow(element))).toContain('No scorecards yet'));
    await expectNoAxeViolations(element);
  });

  it('shows a server error with a retry', async () => {
    const element = await mount<PrmTrafficLightBoard>(
      html`<prm-traffic-light-board .client=${mockWorld({ scenario: { error: 'internal_error' } }).client('manager')}></prm-traffic-light-board>`,
    );
    await vi.waitFor(() => expect(shadow(element).querySelector('[part="error"]')).not.toBeNull());
    expect(shadow(element).querySelector('[part="retry-button"]')).not.toBeNull();
    await expectNoAxeViolations(element);
  });

  it('shows offline, then recovers on retry and on refresh()', async () => {
    let online = false;
    let requests = 0;
    const world = mockWorld();
    const client = createPrmClient({
      baseUrl: 'http://prm.test',
      token: 'prm_demo_manager',
      maxRetries: 0,
      fetch: (input, init) => {
        requests += 1;
        return online ? world.fetch(input, init) : Promise.reject(new TypeError('Failed to fetch'));
      },
    });
    const element = await mount<PrmTrafficLightBoard>(
      html`<prm-traffic-light-board .client=${client}></prm-traffic-light-board>`,
    );
    await vi.waitFor(() => expect(textOf(shadow(element))).toContain('offline'));
    await expectNoAxeViolations(element);
    online = true;
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(groupRows(element).length).toBeGreaterThan(0));
    const before = requests;
    await element.refresh();
    expect(requests).toBe(before + 1);
  });

  it('shows the manager’s board from the real server (smoke)', async () => {
    await mount<HTMLElement>(
      html`<prm-provider base-url=${inject('realServerUrl')} token="prm_demo_manager">
        <prm-traffic-light-board></prm-traffic-light-board>
      </prm-provider>`,
    );
    const element = document.querySelector('prm-traffic-light-board') as PrmTrafficLightBoard;
    await vi.waitFor(() => expect(groupRows(element).length).toBeGreaterThan(0), {
      timeout: 10_000,
    });
    expect(partnerRows(element).length).toBeGreaterThan(0);
  });
});
