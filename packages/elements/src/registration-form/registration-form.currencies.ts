import type { Locale } from '../shared/localize.js';

/** Currencies deals are commonly registered in; a `currency` attribute outside the list is added. */
export const COMMON_CURRENCIES = [
  'EUR',
  'USD',
  'GBP',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'JPY',
  'CNY',
  'INR',
  'AUD',
  'CAD',
  'BRL',
] as const;

const names = new Map<Locale, Intl.DisplayNames>();

const currencyName = (locale: Locale, code: string): string => {
  let display = names.get(locale);
  if (!display) {
    display = new Intl.DisplayNames(locale, { type: 'currency' });
    names.set(locale, display);
  }
  return display.of(code) ?? code;
};

/** `EUR — Euro` in the person's language, through `Intl.DisplayNames`. */
export const currencyOptions = (locale: Locale, chosen: string) => {
  const codes: string[] = [...COMMON_CURRENCIES];
  if (/^[A-Z]{3}$/.test(chosen) && !codes.includes(chosen)) codes.unshift(chosen);
  return codes.map((code) => ({ code, label: `${code} — ${currencyName(locale, code)}` }));
};
