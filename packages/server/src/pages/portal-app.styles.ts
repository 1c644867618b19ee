/**
 * The portal's look: a calm app shell around the elements. The elements bring their own styles
 * and follow the page's colour scheme; the page only sets a few `--prm-*` tokens to match.
 */
export const portalAppStyles = `
  :root { color-scheme: light dark; --bg: #f4f6fa; --fg: #1b2130; --muted: #4f586b; --panel: #fff;
    --line: #dfe3ec; --accent: #2456d6; --shell: #111a2e; --shell-fg: #eef2fb;
    --prm-color-accent: light-dark(#2456d6, #8fb0ff);
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  @media (prefers-color-scheme: dark) { :root { --bg: #0d111a; --fg: #e8ebf2; --muted: #aab2c3;
    --panel: #151b27; --line: #283043; --accent: #8fb0ff; --shell: #070b13; } }
  * { box-sizing: border-box; }
  body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.5; }
  .skip { position: absolute; left: -999px; top: 0; background: var(--panel); padding: .5rem 1rem; z-index: 10; }
  .skip:focus { left: 1rem; }
  .topbar { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; gap: .75rem 1.5rem;
    align-items: center; justify-content: space-between; padding: .75rem 1.5rem;
    background: var(--shell); color: var(--shell-fg); box-shadow: 0 1px 0 rgb(255 255 255 / .06); }
  .brand { display: flex; gap: .6rem; align-items: center; font-size: 1.05rem; }
  .brand .muted { color: #b9c3d8; font-size: .9rem; }
  .logo { color: #8fb0ff; font-size: 1.3rem; }
  .switchers { display: flex; flex-wrap: wrap; gap: 1rem; margin: 0; }
  .segmented { display: flex; align-items: center; gap: .25rem; border: 0; margin: 0; padding: 0; }
  .segmented legend { float: left; margin-right: .5rem; font-size: .85rem; color: #b9c3d8; }
  .segmented label { position: relative; cursor: pointer; }
  .segmented input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
  .segmented span { display: inline-block; padding: .35rem .8rem; border: 1px solid #3a4763;
    border-radius: 999px; font-size: .9rem; color: var(--shell-fg); }
  .segmented input:checked + span { background: #8fb0ff; border-color: #8fb0ff; color: #0b1220; font-weight: 600; }
  .segmented input:checked + span::before { content: "✓ "; }
  .segmented input:focus-visible + span { outline: 3px solid #ffd166; outline-offset: 2px; }
  .links { display: flex; gap: 1rem; }
  .links a { color: #c9d6ff; }
  .links a:focus-visible { outline: 3px solid #ffd166; outline-offset: 2px; }
  main { max-width: 78rem; margin: 0 auto; padding: 1.25rem 1.5rem 3rem; outline: none; }
  .signed-in { margin: 0 0 1rem; color: var(--muted); }
  .grid { display: grid; gap: 1.25rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); }
  .panel { background: var(--panel); border: 1px solid var(--line); border-radius: 14px; padding: 1.1rem 1.25rem 1.25rem;
    box-shadow: 0 1px 2px rgb(16 24 40 / .05); min-width: 0; }
  .panel.wide { grid-column: 1 / -1; }
  .panel h2 { margin: 0 0 .25rem; font-size: 1.1rem; }
  .panel .intro { margin: 0 0 1rem; color: var(--muted); font-size: .92rem; }
  .activity { margin-top: 1.25rem; }
  .activity ol { margin: 0; padding-left: 1.25rem; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85rem; }
  .activity ol:empty::before { content: "Nothing yet: reserve, register or approve something."; color: var(--muted); font-family: system-ui, sans-serif; }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; }
  :not(:defined) { display: block; min-height: 3rem; border-radius: 8px;
    background: linear-gradient(90deg, var(--line), transparent 60%); opacity: .6; }
  prm-provider:not(:defined) { display: contents; background: none; min-height: 0; opacity: 1; }
`;
