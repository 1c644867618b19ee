/** The languages every element speaks. Add one here and TypeScript lists every catalog to fill. */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

type Params = Record<string, string | number>;
/** A text, or a function of its parameters for plurals and word order. */
export type Message = string | ((params: Params) => string);
/** One element's texts: English defines the keys, every other language must have the same ones. */
export type Catalog<Keys extends string> = Record<Locale, Record<Keys, Message>>;

const isLocale = (value: string): value is Locale => (LOCALES as readonly string[]).includes(value);

/** `de-AT` → `de`; anything unknown → `en`. */
export const toLocale = (tag: string | null | undefined): Locale => {
  const language = (tag ?? '').toLowerCase().split('-')[0] ?? '';
  return isLocale(language) ? language : 'en';
};

/**
 * The element's language: its `locale` property, else the nearest `lang` attribute (crossing
 * shadow roots up to the document), else the browser's.
 */
export const resolveLocale = (element: Element, explicit: string | undefined): Locale => {
  if (explicit) return toLocale(explicit);
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.getAttribute('lang'))
      return toLocale(node.getAttribute('lang'));
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return toLocale(globalThis.navigator?.language);
};

/** `{name}` placeholders are filled from params; a missing one stays visible rather than vanishing. */
export const translate = <Keys extends string>(
  catalog: Catalog<Keys>,
  locale: Locale,
  key: Keys,
  params: Params = {},
): string => {
  const message: Message | undefined = catalog[locale][key] ?? catalog.en[key];
  const text = typeof message === 'function' ? message(params) : (message ?? key);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
};
