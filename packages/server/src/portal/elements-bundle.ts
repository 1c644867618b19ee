import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Where the web components' single-file bundle is, if `@openprm/elements` is installed next to
 * the server. The server does not depend on the elements (they test against the server); it
 * serves the demo portal with them when they are there, and a plain landing page when not.
 */
export const locateElementsBundle = (): string | null => {
  try {
    const path = fileURLToPath(import.meta.resolve('@openprm/elements/bundle'));
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
};

/** The bundle's text and its source map, read once on first request. */
export const createBundleReader = (path: string) => {
  const files = new Map<string, string | null>();
  return (name: 'bundle' | 'map'): string | null => {
    if (!files.has(name)) {
      const file = name === 'map' ? `${path}.map` : path;
      files.set(name, existsSync(file) ? readFileSync(file, 'utf8') : null);
    }
    return files.get(name) ?? null;
  };
};
