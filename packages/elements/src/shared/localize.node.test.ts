import { describe, expect, it, vi } from 'vitest';
import { formatDate, formatMoney, formatRelativeTime } from './format.js';
import { type Catalog, loadCatalogs, toLocale, translate } from './localize.js';

type Key = 'hello' | 'days';
const germanLoads: number[] = [];
const catalog: Catalog<Key> = {
  en: { hello: 'Hello {name}', days: ({ count }) => (count === 1 ? 'one day' : `${count} days`) },
  load: {
    de: async () => {
      germanLoads.push(1);
      return {
        default: {
          hello: 'Hallo {name}',
          days: ({ count }) => (count === 1 ? 'ein Tag' : `${count} Tage`),
        },
      };
    },
  },
};

describe('localisation', () => {
  it('maps language tags to a supported locale, English otherwise', () => {
    expect(toLocale('de-AT')).toBe('de');
    expect(toLocale('DE')).toBe('de');
    expect(toLocale('fr-FR')).toBe('en');
    expect(toLocale(undefined)).toBe('en');
  });

  it('shows English until a language has loaded, then loads it once however often asked', async () => {
    const fresh: Catalog<Key> = { ...catalog, load: { ...catalog.load } };
    germanLoads.length = 0;
    expect(translate(fresh, 'de', 'hello', { name: 'Ada' })).toBe('Hello Ada');
    expect(loadCatalogs([fresh], 'en')).toBeUndefined();
    await Promise.all([loadCatalogs([fresh], 'de'), loadCatalogs([fresh], 'de')]);
    expect(germanLoads).toHaveLength(1);
    expect(loadCatalogs([fresh], 'de'), 'nothing left to wait for').toBeUndefined();
    expect(translate(fresh, 'de', 'hello', { name: 'Ada' })).toBe('Hallo Ada');
  });

  it('falls back to English when a language cannot load (offline), without failing', async () => {
    const offline: Catalog<Key> = {
      ...catalog,
      load: {
        de: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
      },
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(loadCatalogs([offline], 'de')).resolves.toBeDefined();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(translate(offline, 'de', 'days', { count: 2 })).toBe('2 days');
    expect(loadCatalogs([offline], 'de')).toBeUndefined();
  });

  it('fills placeholders and keeps a missing one visible', async () => {
    await loadCatalogs([catalog], 'de');
    expect(translate(catalog, 'de', 'hello', { name: 'Ada' })).toBe('Hallo Ada');
    expect(translate(catalog, 'en', 'hello')).toBe('Hello {name}');
  });

  it('lets a message choose its plural form', async () => {
    await loadCatalogs([catalog], 'de');
    expect(translate(catalog, 'en', 'days', { count: 1 })).toBe('one day');
    expect(translate(catalog, 'de', 'days', { count: 3 })).toBe('3 Tage');
  });

  it('formats money, calendar dates and relative times through Intl', () => {
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(plain(formatMoney('de', { amount: 12_500, currency: 'EUR' }))).toBe('12.500,00 €');
    expect(formatMoney('en', { amount: 12_500, currency: 'USD' })).toBe('$12,500.00');
    // A calendar date never shifts a day, whatever the time zone.
    expect(formatDate('en', '2027-03-31')).toBe('Mar 31, 2027');
    const now = new Date('2026-11-23T12:00:00Z');
    expect(formatRelativeTime('en', '2026-11-26T12:00:00Z', now)).toBe('in 3 days');
    expect(formatRelativeTime('de', '2026-11-23T10:00:00Z', now)).toBe('vor 2 Stunden');
  });

  it('rounds a relative time, so a 48-hour deadline seconds later still reads "in 2 days"', () => {
    const now = new Date('2026-11-23T12:00:05Z');
    expect(formatRelativeTime('en', '2026-11-25T12:00:00Z', now)).toBe('in 2 days');
    expect(formatRelativeTime('de', '2026-11-23T14:50:00Z', now)).toBe('in 3 Stunden');
  });
});
