// docs/theming.md is the theming API: every `--prm-*` token and every `::part` an element declares
// (its @cssproperty and @csspart JSDoc, as the Custom Elements Manifest records them) must be there.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('../../', import.meta.url));
const doc = readFileSync(`${packageDir}docs/theming.md`, 'utf8');

interface Declaration {
  tagName?: string;
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}

/** A fresh manifest from the sources, so the check never reads a stale build. */
const analyze = (): Declaration[] => {
  const outdir = 'node_modules/.cache/openprm-theming-check';
  const result = spawnSync(
    'npx',
    [
      '--no-install',
      'cem',
      'analyze',
      '--config',
      'custom-elements-manifest.config.mjs',
      '--outdir',
      outdir,
    ],
    { cwd: packageDir, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`cem analyze failed:\n${result.stderr}`);
  const manifest = JSON.parse(readFileSync(`${packageDir}${outdir}/custom-elements.json`, 'utf8'));
  return manifest.modules.flatMap(
    (module: { declarations?: Declaration[] }) => module.declarations ?? [],
  );
};

const elements = analyze().filter((declaration) => declaration.tagName);

/** The part tables of one element: from its `### <prm-…>` heading to the next heading. */
const sectionOf = (tagName: string): string => {
  const start = doc.indexOf(`### \`<${tagName}>\``);
  if (start === -1) return '';
  const next = doc.indexOf('\n#', start + 1);
  return doc.slice(start, next === -1 ? undefined : next);
};

describe('docs/theming.md', () => {
  it('finds the elements in the manifest', () => {
    expect(elements.map((element) => element.tagName)).toContain('prm-reservation-check');
  });

  it('documents every global token of src/shared/styles.ts', () => {
    const styles = readFileSync(`${packageDir}src/shared/styles.ts`, 'utf8');
    const tokens = [...new Set(styles.match(/--prm-[a-z0-9-]+/g))];
    expect(tokens.length).toBeGreaterThan(10);
    expect(tokens.filter((token) => !doc.includes(`\`${token}\``))).toEqual([]);
  });

  it.each(elements.map((element) => [element.tagName, element] as const))(
    '<%s>: every custom property and part is documented',
    (tagName, element) => {
      const missingTokens = (element.cssProperties ?? [])
        .map((property) => property.name)
        .filter((name) => !doc.includes(`\`${name}\``));
      expect(missingTokens, 'custom properties missing from docs/theming.md').toEqual([]);

      const parts = element.cssParts ?? [];
      const section = sectionOf(tagName as string);
      if (parts.length > 0) expect(section, `a "### \`<${tagName}>\`" section`).not.toBe('');
      const missingParts = parts
        .map((part) => part.name)
        .filter((name) => !section.includes(`| \`${name}\` |`));
      expect(missingParts, `parts missing from the <${tagName}> section`).toEqual([]);
    },
  );
});
