// Squeezes the whitespace out of the elements' `html` and `css` templates when the package is
// built: indentation and line breaks are a tenth of each element's bytes, and JavaScript
// minifiers leave template literals alone. Only the literal text changes, never an expression.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';
import ts from 'typescript';

/** Whitespace as HTML and CSS collapse it: never a no-break space, which is content. */
const BLANKS = /[ \t\r\n\f]+/g;

/**
 * `css`: comments go, blank runs become one space, none is kept around `{ } ; , >` or after a
 * `:` (a selector never has a blank right after its colon), nor a `;` before `}`; quoted text
 * stays as it is.
 */
const squeezeCss = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/)
    .map((piece, index) =>
      index % 2 === 1
        ? piece
        : piece
            .replace(BLANKS, ' ')
            .replace(/ ?([{};,>]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');

/**
 * `html`: a blank run holding a line break becomes one space, which renders the same wherever
 * blanks collapse. A template with a `<pre>`, a `<textarea>` with text in it, a `white-space`
 * style or a line-continuation backslash is left as it is: there the line breaks are content.
 * (Expressions are replaced by NUL before the test, so an attribute's `${…}` is no content.)
 */
const squeezeHtml = (text: string) => text.replace(/[ \t\r\f]*\n[ \t\r\n\f]*/g, ' ');
const KEEPS_LINES = /<pre\b|<textarea\b[^>]*>(?!<\/textarea>)|white-space|\\\r?\n/i;

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
      const template = node.template;
      const parts: Literal[] = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      const raw = parts.map((part) => {
        const { start, end } = rawSpan(part, file);
        return source.slice(start, end);
      });
      const squeeze =
        node.tag.text === 'css'
          ? squeezeCss
          : node.tag.text === 'html' && !KEEPS_LINES.test(raw.join('\0'))
            ? squeezeHtml
            : undefined;
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
