import { MOCK_PARTNER_IDS } from '@openprm/mock';
import { createPrmClient } from '@openprm/sdk';
import { html, type TemplateResult } from 'lit';
import { describe, expect, inject, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { expectNoAxeViolations } from '../test-support/axe.js';
import { mockWorld } from '../test-support/mock-client.js';
import { mount, nextEvent, shadow, textOf } from '../test-support/render.js';
import '../provider/define.js';
import './define.js';
import type { PrmSkillsFinder } from './skills-finder.js';

const part = (element: Element, name: string) => shadow(element).querySelector(`[part~="${name}"]`);
const parts = (element: Element, name: string) => [
  ...shadow(element).querySelectorAll(`[part~="${name}"]`),
];
const names = (element: Element) => parts(element, 'partner-name').map(textOf);

/** A manager's client into one mock world, and every search query it sent. */
const recordingWorld = () => {
  const world = mockWorld();
  const searches: URLSearchParams[] = [];
  const client = createPrmClient({
    baseUrl: 'http://prm.test',
    token: 'prm_demo_manager',
    maxRetries: 0,
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname === '/v1/partners/search') searches.push(url.searchParams);
      return world.fetch(input, init);
    },
  });
  return { world, client, searches };
};

const mountFinder = (template: TemplateResult) => mount<PrmSkillsFinder>(template);

const waitForResults = (element: Element) =>
  vi.waitFor(() => expect(parts(element, 'result').length).toBeGreaterThan(0));

/** Facets (suggestions, countries) come from a partner list: wait until the suggestions know them. */
const waitForFacets = (element: Element) =>
  vi.waitFor(() =>
    expect([...shadow(element).querySelectorAll('#country option')].length).toBeGreaterThan(1),
  );

describe('<prm-skills-finder>', () => {
  it('suggests taxonomy skills as you type; the keyboard adds a chip and Backspace removes it', async () => {
    const client = mockWorld().client('manager');
    const element = await mountFinder(
      html`<prm-skills-finder .client=${client}></prm-skills-finder>`,
    );
    await waitForFacets(element);
    const input = page.getByRole('combobox', { name: 'Skills' });
    await userEvent.click(input);
    await userEvent.keyboard('net');
    await expect.element(page.getByRole('option', { name: 'networking' })).toBeVisible();
    expect(input.element().getAttribute('aria-expanded')).toBe('true');

    await userEvent.keyboard('{ArrowDown}');
    const active = input.element().getAttribute('aria-activedescendant');
    expect(textOf(shadow(element).getElementById(active ?? ''))).toBe('networking');
    await userEvent.keyboard('{Enter}');
    await expect
      .element(page.getByRole('button', { name: 'Remove skill networking' }))
      .toBeVisible();
    expect(element.skills).toBe('networking');
    expect((input.element() as HTMLInputElement).value).toBe('');
    // Enter added a chip; it did not submit the form.
    expect(textOf(part(element, 'initial'))).toContain('Add the skills you need');

    await userEvent.keyboard('sec{ArrowDown}{Enter}');
    expect(element.skills).toBe('networking,security');
    await userEvent.keyboard('{Backspace}');
    expect(element.skills).toBe('networking');
    expect(textOf(shadow(element))).toContain('Skill security removed.');
    await expectNoAxeViolations(element);

    await userEvent.click(page.getByRole('button', { name: 'Remove skill networking' }));
    expect(element.skills).toBe('');
    expect(document.activeElement).toBe(element);
    expect(shadow(element).activeElement?.id).toBe('skill-input');
  });

  it('adds a typed skill that is a taxonomy key, and explains one that is not', async () => {
    const client = mockWorld().client('manager');
    const element = await mountFinder(
      html`<prm-skills-finder .client=${client} .skillOptions=${[]}></prm-skills-finder>`,
    );
    await userEvent.click(page.getByRole('combobox', { name: 'Skills' }));
    await userEvent.keyboard('Cloud Migration{Enter}');
    expect(element.skills).toBe('cloud-migration');
    await userEvent.keyboard('c++{Enter}');
    expect(element.skills).toBe('cloud-migration');
    await expect
      .element(page.getByText('Use a taxonomy key such as cloud-migration.'))
      .toBeVisible();
  });

  it('searches on submit and lists partners in the server’s order with the reasons in words', async () => {
    const { client, searches } = recordingWorld();
    const element = await mountFinder(
      html`<prm-skills-finder .client=${client}></prm-skills-finder>`,
    );
    await expectNoAxeViolations(element);
    await userEvent.click(page.getByRole('combobox', { name: 'Skills' }));
    await userEvent.keyboard('networking{Enter}');
    await userEvent.click(page.getByRole('button', { name: 'Search' }));
    await waitForResults(element);

    expect(searches.at(-1)?.get('skills')).toBe('networking');
    const expected = await client.partners.search({
      skills: 'networking',
      match: 'all',
      limit: 25,
    });
    expect(names(element)).toEqual(expected.data.map((result) => result.partner.name));
    expect(shadow(element).querySelector('ol[part="results"]')).not.toBeNull();
    expect(textOf(part(element, 'result-count'))).toBe(`${expected.data.length} partners found.`);

    const best = expected.data[0];
    const first = parts(element, 'result')[0];
    const percent = `${Math.round((best?.score ?? 0) * 100)}%`;
    expect(textOf(first?.querySelector('[part="score"]'))).toBe(`Match score: ${percent}`);
    const reasons = textOf(first?.querySelector('[part="matched-skills"]'));
    const match = best?.explanation.matched[0];
    expect(reasons).toContain(
      `networking: ${match?.level === 'practitioner' ? 'Practitioner' : match?.level === 'expert' ? 'Expert' : 'Foundation'}`,
    );
    if (match?.certified) expect(reasons).toContain('certified');
    const scoreParts = [...(first?.querySelectorAll('[part="score-parts"] li') ?? [])].map(textOf);
    expect(scoreParts).toEqual([
      expect.stringMatching(/^Skills \(\+\d+\)$/),
      expect.stringMatching(/^Certifications \(\+\d+\)$/),
      expect.stringMatching(/^Distance \(\+\d+\)$/),
      expect.stringMatching(/^Freshness \(\+\d+\)$/),
    ]);
    expect(textOf(first?.querySelector('[part="location"]'))).toContain('Region');
    await expectNoAxeViolations(element);
  });

  it('sends the chosen filters (any, level, certified only) and shows what the server answers', async () => {
    const { client, searches } = recordingWorld();
    const element = await mountFinder(
      html`<prm-skills-finder .client=${client} skills="networking,security"></prm-skills-finder>`,
    );
    await waitForResults(element);
    const allCount = parts(element, 'result').length;

    await userEvent.click(page.getByRole('radio', { name: 'Any of these skills' }));
    await userEvent.selectOptions(
      page.getByRole('combobox', { name: 'Minimum level' }),
      'Practitioner',
    );
    await userEvent.click(page.getByRole('checkbox', { name: 'Certified partners only' }));
    await userEvent.click(page.getByRole('button', { name: 'Search' }));

    await vi.waitFor(() => expect(searches.at(-1)?.get('match')).toBe('any'));
    const sent = searches.at(-1);
    expect(sent?.get('skills')).toBe('networking,security');
    expect(sent?.get('minLevel')).toBe('practitioner');
    expect(sent?.get('certifiedOnly')).toBe('true');
    const expected = await client.partners.search({
      skills: 'networking,security',
      match: 'any',
      minLevel: 'practitioner',
      certifiedOnly: 'true',
      limit: 25,
    });
    await vi.waitFor(() =>
      expect(names(element)).toEqual(expected.data.map((result) => result.partner.name)),
    );
    expect(expected.data.length).not.toBe(allCount);
  });

  it('a newer search aborts the older one still running', async () => {
    const world = mockWorld();
    const signals: AbortSignal[] = [];
    const client = createPrmClient({
      baseUrl: 'http://prm.test',
      token: 'prm_demo_manager',
      maxRetries: 0,
      fetch: (input, init) => {
        const request = new Request(input, init);
        if (!request.url.includes('/v1/partners/search')) return world.fetch(input, init);
        signals.push(request.signal);
        // The first search hangs until it is aborted; later ones answer.
        if (signals.length > 1) return world.fetch(input, init);
        return new Promise((_, reject) =>
          request.signal.addEventListener('abort', () => reject(request.signal.reason)),
        );
      },
    });
    const element = await mountFinder(
      html`<prm-skills-finder .client=${client} skills="networking"></prm-skills-finder>`,
    );
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    expect(part(element, 'loading')).not.toBeNull();
    element.skills = 'security';
    await element.search();
    expect(signals[0]?.aborted).toBe(true);
    expect(names(element).length).toBeGreaterThan(0);
    expect(textOf(part(element, 'result'))).toContain('security:');
  });

  it('searches again by itself after a change with auto-search', async () => {
    const { client, searches } = recordingWorld();
    const element = await mountFinder(
      html`<prm-skills-finder .client=${client} skills="networking" auto-search></prm-skills-finder>`,
    );
    await waitForResults(element);
    expect(searches).toHaveLength(1);
    await userEvent.click(page.getByRole('checkbox', { name: 'Certified partners only' }));
    await vi.waitFor(() => expect(searches).toHaveLength(2));
    expect(searches[1]?.get('certifiedOnly')).toBe('true');
  });

  it('refresh() runs the search shown again, with the partners’ new skills', async () => {
    const client = mockWorld().client('manager');
    const element = await mountFinder(
      html`<prm-skills-finder .client=${client} skills="iot"></prm-skills-finder>`,
    );
    await vi.waitFor(() => expect(part(element, 'empty')).not.toBeNull());
    await client.partners.updateSkills(MOCK_PARTNER_IDS.partner1, {
      skills: [{ skill: 'iot', level: 'expert' }],
    });
    await element.refresh();
    expect(names(element)).toEqual(['Northquay Systems']);
  });

  it('flags a stale profile with a symbol and words when stale profiles are included', async () => {
    const client = mockWorld().client('manager');
    const element = await mountFinder(
      html`<prm-skills-finder .client=${client} skills="security" include-stale></prm-skills-finder>`,
    );
    await waitForResults(element);
    const badges = parts(element, 'stale-badge');
    expect(badges.length).toBeGreaterThan(0);
    expect(textOf(badges[0])).toBe('⚠ Profile may be out of date');
    expect(badges[0]?.closest('[part="result"]')?.getAttribute('data-partner-id')).toBe(
      'ptr_gen_00005',
    );
  });

  it('says so politely when the server widened the search around the point', async () => {
    const element = await mountFinder(
      html`<prm-skills-finder
        .client=${mockWorld().client('manager')}
        skills="security"
        lat="53.55"
        lng="9.99"
        radius-km="50"
      ></prm-skills-finder>`,
    );
    await waitForResults(element);
    const notice = part(element, 'widened-notice');
    expect(notice?.getAttribute('role')).toBe('status');
    expect(textOf(notice)).toBe(
      'ⓘ Too few partners within 50 km; the search was widened to any distance.',
    );
    expect(textOf(parts(element, 'location')[0])).toMatch(/\d+ km from /);
  });

  it('checks the point before searching and sends nothing while it is incomplete', async () => {
    const { client, searches } = recordingWorld();
    const element = await mountFinder(
      html`<prm-skills-finder .client=${client}></prm-skills-finder>`,
    );
    await userEvent.fill(page.getByRole('spinbutton', { name: 'Latitude' }), '53.5');
    await userEvent.click(page.getByRole('button', { name: 'Search' }));
    await expect
      .element(page.getByText('Enter both latitude and longitude to search near a point.'))
      .toBeVisible();
    const longitude = page.getByRole('spinbutton', { name: 'Longitude' });
    expect(longitude.element().getAttribute('aria-invalid')).toBe('true');
    expect(shadow(element).activeElement?.id).toBe('point-lat');
    expect(searches).toHaveLength(0);
    await expectNoAxeViolations(element);

    await userEvent.fill(longitude, '10');
    await userEvent.click(page.getByRole('button', { name: 'Search' }));
    await vi.waitFor(() => expect(searches).toHaveLength(1));
    expect(searches[0]?.get('lat')).toBe('53.5');
    expect(searches[0]?.get('lng')).toBe('10');
  });

  it('fires prm-partner-selected with the chosen result', async () => {
    const element = await mountFinder(
      html`<prm-skills-finder .client=${mockWorld().client('manager')} skills="networking"></prm-skills-finder>`,
    );
    await waitForResults(element);
    const second = names(element)[1] ?? '';
    const selected = nextEvent('prm-partner-selected');
    await userEvent.click(page.getByRole('button', { name: `Choose partner: ${second}` }));
    const event = await selected;
    expect(event.partner.partner.name).toBe(second);
    expect(event.partner.explanation.matched[0]?.skill).toBe('networking');
    expect(event.bubbles && event.composed).toBe(true);
  });

  it('shows the empty state when no partner matches', async () => {
    const element = await mountFinder(
      html`<prm-skills-finder
        .client=${mockWorld().client('manager')}
        skills="networking"
        min-level="expert"
      ></prm-skills-finder>`,
    );
    await vi.waitFor(() =>
      expect(textOf(part(element, 'empty'))).toBe(
        'No partners match — try fewer skills or a wider area.',
      ),
    );
    expect(textOf(part(element, 'result-count'))).toBe('0 partners found.');
    await expectNoAxeViolations(element);
  });

  it('shows a server error with a retry that recovers', async () => {
    let failing = true;
    const world = mockWorld();
    const client = createPrmClient({
      baseUrl: 'http://prm.test',
      token: 'prm_demo_manager',
      maxRetries: 0,
      fetch: (input, init) =>
        failing
          ? Promise.resolve(
              Response.json(
                {
                  type: 'about:blank',
                  title: 'Internal error',
                  status: 500,
                  code: 'internal_error',
                  detail: 'The database is down.',
                },
                { status: 500, headers: { 'content-type': 'application/problem+json' } },
              ),
            )
          : world.fetch(input, init),
    });
    const element = await mountFinder(
      html`<prm-skills-finder .client=${client} skills="networking"></prm-skills-finder>`,
    );
    await vi.waitFor(() => expect(part(element, 'error')).not.toBeNull());
    expect(textOf(part(element, 'error'))).toContain('Something went wrong.');
    expect(textOf(part(element, 'error'))).toContain('The database is down.');
    await expectNoAxeViolations(element);
    failing = false;
    await userEvent.click(page.getByRole('button', { name: 'Try again' }));
    await waitForResults(element);
  });

  it('tells a person who is offline, and the form still works', async () => {
    const client = createPrmClient({
      baseUrl: 'http://prm.test',
      token: 'prm_demo_manager',
      maxRetries: 0,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const element = await mountFinder(
      html`<prm-skills-finder .client=${client} skills="networking"></prm-skills-finder>`,
    );
    await vi.waitFor(() => expect(textOf(part(element, 'error'))).toContain('offline'));
    await expect.element(page.getByRole('combobox', { name: 'Skills' })).toBeEnabled();
  });

  it('speaks German from the nearest lang attribute', async () => {
    const client = mockWorld().client('manager');
    await mount<HTMLElement>(
      html`<div lang="de"><prm-skills-finder .client=${client} skills="security" include-stale></prm-skills-finder></div>`,
    );
    const element = document.querySelector('prm-skills-finder') as PrmSkillsFinder;
    await waitForResults(element);
    const text = textOf(shadow(element));
    expect(text).toContain('Partner finden');
    expect(text).toMatch(/\d+ Partner gefunden\./);
    expect(text).toContain('Übereinstimmung:');
    expect(text).toContain('Profil möglicherweise veraltet');
    expect(text).toContain('Partner wählen');
    await expect
      .element(page.getByRole('button', { name: 'Kompetenz security entfernen' }))
      .toBeVisible();
  });

  it('renders hostile partner names as text', async () => {
    const world = mockWorld();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const partner = (await world.api.state()).partners.get(MOCK_PARTNER_IDS.partner2);
    if (partner) partner.name = hostile;
    const element = await mountFinder(
      html`<prm-skills-finder .client=${world.client('manager')} skills="cloud-migration"></prm-skills-finder>`,
    );
    await waitForResults(element);
    expect(names(element)).toContain(hostile);
    expect(shadow(element).querySelector('img')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('explains that it needs a client when it has none', async () => {
    const element = await mountFinder(
      html`<prm-skills-finder skills="networking"></prm-skills-finder>`,
    );
    await element.search();
    expect(textOf(part(element, 'error'))).toContain('Not connected');
  });

  it('searches the real server through a provider (smoke)', async () => {
    await mount<HTMLElement>(
      html`<prm-provider base-url=${inject('realServerUrl')} token="prm_demo_manager">
        <prm-skills-finder skills="networking" country="DE"></prm-skills-finder>
      </prm-provider>`,
    );
    const element = document.querySelector('prm-skills-finder') as PrmSkillsFinder;
    await vi.waitFor(
      () => expect(textOf(part(element, 'result-count'))).toMatch(/partners? found/),
      {
        timeout: 10_000,
      },
    );
    expect(names(element)).toContain('Northquay Systems');
  });
});
