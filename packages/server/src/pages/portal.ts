import { escapeHtml, page } from '../html.js';

export interface DemoKeyInfo {
  key: string;
  description: string;
}

const AREAS = [
  [
    'Account reservations',
    'Check who may call on a customer and reserve it in one click; the account tree and regions decide overlaps.',
  ],
  [
    'Deal registrations',
    'Submit, approve or reject within a hard time limit, with first-come priority and a reason for every rejection.',
  ],
  [
    'Partner skills',
    'Find the best partner for a customer by skills, level, certification and distance, ranked with an explanation.',
  ],
  [
    'Traffic-light scorecards',
    'Objectives, targets and actuals roll up by region or segment into lights that always carry text and shape.',
  ],
  [
    'Contracts',
    'Versioned terms with SHA-256 hashes, explicit acceptance receipts and gating of deal registration.',
  ],
  [
    'Integration',
    'Events, signed webhooks and CSV imports so OpenPRM fits into the CRM, ERP and intranet you already run.',
  ],
] as const;

const keyTable = (keys: readonly DemoKeyInfo[]) => `<h2>Demo keys</h2>
  <table>
    <thead><tr><th scope="col">Key</th><th scope="col">Who</th></tr></thead>
    <tbody>
${keys.map(({ key, description }) => `      <tr><td><code>${escapeHtml(key)}</code></td><td>${escapeHtml(description)}</td></tr>`).join('\n')}
    </tbody>
  </table>
  <pre><code>curl -s -H 'Authorization: Bearer prm_demo_partner1' 'localhost:8787/v1/accounts?query=acme'
curl -s -H 'Authorization: Bearer prm_demo_manager' 'localhost:8787/v1/registrations?sort=queue'</code></pre>`;

/** The demo portal. The web components replace the cards as they land (see the project issues). */
export const portalPage = (options: { version: string; demoKeys: readonly DemoKeyInfo[] }) =>
  page(
    'OpenPRM demo portal',
    `<header>
  <h1>OpenPRM</h1>
  <p class="lead">Open partner relationship management: a typed contract, an SDK, web components and
  this reference server. Version ${escapeHtml(options.version)}.</p>
  <p style="margin-top:1.25rem">
    <a class="button" href="/docs">API reference</a>
    <a class="button" href="/v1/openapi.json">OpenAPI 3.1 document</a>
  </p>
</header>
<main>
  <h2>What the product covers</h2>
  <div class="cards">
${AREAS.map(([title, text]) => `    <section class="card"><h3>${escapeHtml(title)}</h3><p>${escapeHtml(text)}</p></section>`).join('\n')}
  </div>
  <h2>Try it</h2>
  <pre><code>curl -s localhost:8787/healthz
curl -s localhost:8787/v1/openapi.json | head</code></pre>
  ${options.demoKeys.length ? keyTable(options.demoKeys) : ''}
</main>`,
  );
