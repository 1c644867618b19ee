// Squeezes the whitespace out of the elements' `html` and `css` templates when the package is
// built: indentation and line breaks are a tenth of each element's bytes, and JavaScript
// minifiers leave template literals alone. Only the literal text changes, never an expression.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import ts from 'typescript';

/**
 * `css`: comments go, whitespace runs become one space, none is kept around `{ } ; ,`.
 * `html`: a whitespace run holding a line break becomes one space, which renders the same
 * wherever whitespace collapses (every template here: none writes literal text into a
 * `white-space: pre*` box).
 */
const SQUEEZE: Record<string, (text: string) => string> = {
  css: (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1'),
  html: (text) => text.replace(/\s*\n\s*/g, ' '),
};

type Literal = ts.NoSubstitutionTemplateLiteral | ts.TemplateLiteralLikeNode;

/** The raw text between a literal part's delimiters: `` ` `` or `}` before, `` ` `` or `${` after. */
const rawSpan = (part: Literal, file: ts.SourceFile) => {
  const start = part.getStart(file) + 1;
  const end = part.getEnd() - (ts.isTemplateHead(part) || ts.isTemplateMiddle(part) ? 2 : 1);
  return { start, end };
};

/** `source` with the literal text of every `html`…`` and `css`…`` template squeezed. */
export const minifyTemplates = (source: string, fileName = 'module.ts'): string => {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const squeeze = SQUEEZE[node.tag.text];
      const template = node.template;
      const parts: Literal[] = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      if (squeeze) {
        for (const part of parts) {
          const { start, end } = rawSpan(part, file);
          edits.push({ start, end, text: squeeze(source.slice(start, end)) });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    out = `${out.slice(0, edit.start)}${edit.text}${out.slice(edit.end)}`;
  }
  return out;
};

/** An esbuild (tsup) plugin applying `minifyTemplates` to the package's TypeScript sources. */
export const minifyTemplatesPlugin = (filter = /[\\/]src[\\/].*\.ts$/): Plugin => ({
  name: 'minify-templates',
  setup(build) {
    build.onLoad({ filter }, async ({ path }) => ({
      contents: minifyTemplates(await readFile(path, 'utf8'), path),
      loader: 'ts',
    }));
  },
});
