/** The languages every element speaks. Add one here and TypeScript lists every catalog to fill. */
export const LOCALES = ['en', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

type Params = Record<string, string | number>;
/** A text, or a function of its parameters for plurals and word order. */
export type Message = string | ((params: Params) => string);
/** One language's texts of one catalog: every key, no other. */
export type Messages<Keys extends string> = Record<Keys, Message>;
/**
 * One element's texts. English is built in and defines the keys; every other language is loaded
 * the first time an element shows it (a dynamic import, its own chunk), so a page pays only for
 * the languages it shows, and must have exactly the same keys.
 */
export interface Catalog<Keys extends string> {
  readonly en: Messages<Keys>;
  /** Per other language, a dynamic import of its module, whose default export is its texts. */
  readonly load: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Messages<Keys> }>>;
}

/** Per catalog, the languages asked for (loading or loaded) and those that have arrived. */
const requested = new WeakMap<Catalog<string>, Partial<Record<Locale, Promise<void>>>>();
const ready = new WeakMap<Catalog<string>, Partial<Record<Locale, Messages<string>>>>();

/** The texts of `catalog` in `locale` if they are here already (English always is). */
const loadedMessages = <Keys extends string>(
  catalog: Catalog<Keys>,
  locale: Locale,
): Messages<Keys> | undefined =>
  locale === 'en' ? catalog.en : (ready.get(catalog)?.[locale] as Messages<Keys> | undefined);

/**
 * The catalogs among `catalogs` whose texts in `locale` still have to load, loading them: an
 * element awaits this before it renders, so it never shows English first. A language that
 * fails to load (offline) falls back to English for the page's life, with a warning, rather than
 * keeping the element blank or asking again on every render.
 */
export const loadCatalogs = (
  catalogs: readonly Catalog<string>[],
  locale: Locale,
): Promise<unknown> | undefined => {
  if (locale === 'en') return undefined;
  const missing = catalogs.filter((catalog) => !loadedMessages(catalog, locale));
  if (missing.length === 0) return undefined;
  return Promise.all(
    missing.map((catalog) => {
      const byLocale = requested.get(catalog) ?? {};
      requested.set(catalog, byLocale);
      byLocale[locale] ??= catalog.load[locale]()
        .then((module) => module.default)
        .catch((error: unknown) => {
          console.warn(
            `OpenPRM elements: the ${locale} texts did not load; showing English.`,
            error,
          );
          return catalog.en;
        })
        .then((messages) => {
          ready.set(catalog, { ...ready.get(catalog), [locale]: messages });
        });
      return byLocale[locale];
    }),
  );
};

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
  const message: Message | undefined = loadedMessages(catalog, locale)?.[key] ?? catalog.en[key];
  const text = typeof message === 'function' ? message(params) : (message ?? key);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
};
