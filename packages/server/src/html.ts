/** Escapes text for HTML element content and quoted attributes. */
export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (char) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
  );

/** The page frame every server-rendered page shares: one stylesheet, light and dark. */
export const page = (title: string, body: string): string => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  :root { color-scheme: light dark; --bg: #f7f8fb; --fg: #1b2130; --muted: #5b6478; --card: #fff;
    --line: #e2e6ef; --accent: #2456d6; --accent-fg: #fff; --code: #eef1f8;
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  @media (prefers-color-scheme: dark) { :root { --bg: #11141b; --fg: #e8ebf2; --muted: #a3abbd;
    --card: #1a1f2a; --line: #2c3342; --accent: #7ea2ff; --accent-fg: #0d1220; --code: #232a38; } }
  * { box-sizing: border-box; }
  body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.55; }
  header { padding: 2.5rem 1.5rem 1.5rem; max-width: 64rem; margin: 0 auto; }
  main { padding: 0 1.5rem 3rem; max-width: 64rem; margin: 0 auto; }
  h1 { font-size: 2rem; margin: 0 0 .5rem; letter-spacing: -.01em; }
  h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; }
  p.lead { font-size: 1.1rem; color: var(--muted); margin: 0; max-width: 46rem; }
  a { color: var(--accent); }
  a:focus-visible, button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--code);
    border-radius: 6px; }
  code { padding: .1rem .35rem; font-size: .9em; }
  pre { padding: 1rem; overflow-x: auto; }
  pre code { padding: 0; background: none; }
  .cards { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); }
  .card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 1.1rem 1.2rem; }
  .card h3 { margin: 0 0 .35rem; font-size: 1.05rem; }
  .card p { margin: 0; color: var(--muted); }
  .button { display: inline-block; background: var(--accent); color: var(--accent-fg); padding: .6rem 1rem;
    border-radius: 8px; text-decoration: none; font-weight: 600; margin-right: .5rem; }
  table { border-collapse: collapse; width: 100%; background: var(--card); border-radius: 12px; overflow: hidden; }
  th, td { text-align: left; padding: .55rem .75rem; border-bottom: 1px solid var(--line); vertical-align: top; }
  th { font-size: .85rem; color: var(--muted); font-weight: 600; }
  .method { font-weight: 700; font-family: ui-monospace, monospace; font-size: .85rem; }
  details.operation { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
    padding: .6rem .9rem; margin: 0 0 .6rem; }
  details.operation summary { cursor: pointer; }
  form.try { display: grid; gap: .5rem; margin-top: .5rem; }
  form.try .fields { display: grid; gap: .35rem .75rem; grid-template-columns: max-content 1fr; align-items: center; }
  input, textarea { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line);
    border-radius: 6px; padding: .35rem .5rem; }
  textarea { font-family: ui-monospace, monospace; font-size: .85rem; }
  input:focus-visible, textarea:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
  output { white-space: pre-wrap; font-family: ui-monospace, monospace; font-size: .85rem; background: var(--code);
    border-radius: 6px; padding: .5rem; min-height: 1rem; }
  output:empty { display: none; }
  button.button { border: 0; cursor: pointer; justify-self: start; font: inherit; font-weight: 600; }
  .tag { display: inline-block; font-size: .78rem; border: 1px solid var(--line); border-radius: 999px;
    padding: 0 .5rem; margin: 0 .25rem .25rem 0; color: var(--muted); }
</style>
</head>
<body>
${body}
</body>
</html>`;
