import type { Money } from '@openprm/core';
import type { Locale } from './localize.js';

// Formatters are costly to build and the board formats thousands of cells: keep one per setting.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();
const cached = <T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  build: () => T,
): T => {
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = build();
    cache.set(key, formatter);
  }
  return formatter as T;
};

export const formatMoney = (locale: Locale, money: Money): string =>
  cached(
    `money:${locale}:${money.currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }),
  ).format(money.amount);

export const formatNumber = (locale: Locale, value: number, maximumFractionDigits = 1): string =>
  cached(
    `number:${locale}:${maximumFractionDigits}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits }),
  ).format(value);

export const formatPercent = (locale: Locale, ratio: number): string =>
  cached(
    `percent:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(ratio);

/** A calendar date (`2027-03-31`) is a day, not an instant: format it in UTC so it never shifts. */
export const formatDate = (locale: Locale, isoDate: string): string =>
  cached(
    `date:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate));

export const formatDateTime = (locale: Locale, isoTimestamp: string): string =>
  cached(
    `datetime:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(new Date(isoTimestamp));

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "in 3 days", "vor 2 Stunden": the largest whole unit, minutes at the least. */
export const formatRelativeTime = (locale: Locale, isoTimestamp: string, now: Date): string => {
  const delta = new Date(isoTimestamp).getTime() - now.getTime();
  const formatter = cached(
    `relative:${locale}`,
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
  );
  for (const [unit, size] of UNITS) {
    if (Math.abs(delta) >= size || unit === 'minute') {
      return formatter.format(Math.round(delta / size), unit);
    }
  }
  return formatter.format(0, 'minute');
};
