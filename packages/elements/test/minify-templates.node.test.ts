// The build's template squeezer (scripts/minify-templates.ts): only blanks that render the same go.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are source code with templates in it.
import { describe, expect, it } from 'vitest';
import { minifyTemplates } from '../scripts/minify-templates.js';

describe('minifyTemplates', () => {
  it('collapses the indentation of css and drops comments, keeping quoted text', () => {
    const source = [
      'const styles = css`',
      '  /* the list */',
      '  .list > li::before {',
      "    content: ', ';",
      '    margin: 0 calc(var(--gap) * 2);',
      '  }',
      '`;',
    ].join('\n');
    expect(minifyTemplates(source)).toBe(
      "const styles = css` .list>li::before{content:', ';margin:0 calc(var(--gap) * 2)}`;",
    );
  });

  it('turns a line break and its indentation in html into one space, around expressions too', () => {
    const source = [
      'const view = html`',
      '  <p class="hint">',
      '    ${count} of ${total}',
      '  </p>',
      '`;',
    ].join('\n');
    expect(minifyTemplates(source)).toBe(
      'const view = html` <p class="hint"> ${count} of ${total} </p> `;',
    );
  });

  it('squeezes around an empty textarea, whose value is a property', () => {
    expect(
      minifyTemplates(
        'const t = html`<div>\n  <textarea\n    .value=${v}\n  ></textarea>\n</div>`;',
      ),
    ).toBe('const t = html`<div> <textarea .value=${v} ></textarea> </div>`;');
  });

  it('leaves templates alone where line breaks are content, and never touches code', () => {
    const kept = [
      'const a = html`<pre>\n  one\n  two</pre>`;',
      'const b = html`<textarea rows=${rows}>\n  draft</textarea>`;',
      'const c = html`<p style="white-space: pre-line">\n  one</p>`;',
      "const d = html`<p>\n  ${items.join('\\n  ')}</p>`.strings.length ? 0 : 1;",
      'const e = sql`select\n  1`;',
      'const f = `plain\n  text`;',
      // A no-break space is content, not a blank.
      'const g = css`a{content:"\u00a0\u00a0"}`;',
    ];
    expect(minifyTemplates(kept.slice(0, 3).join('\n'))).toBe(kept.slice(0, 3).join('\n'));
    expect(minifyTemplates(kept.slice(4).join('\n'))).toBe(kept.slice(4).join('\n'));
    // The expression's own string keeps its line break; only the literal around it changes.
    expect(minifyTemplates(kept[3] as string)).toBe(
      "const d = html`<p> ${items.join('\\n  ')}</p>`.strings.length ? 0 : 1;",
    );
  });
});
