import { escapeHtml } from '../html.js';
import { portalAppScript } from './portal-app.script.js';
import { portalAppStyles } from './portal-app.styles.js';

/** A demo role the portal can switch to, with the demo key it signs in with. */
export interface PortalRole {
  id: string;
  label: string;
  who: string;
  key: string;
}

export const PORTAL_ROLES: readonly PortalRole[] = [
  {
    id: 'partner1',
    label: 'Partner 1',
    who: 'Northquay Systems (partner admin)',
    key: 'prm_demo_partner1',
  },
  {
    id: 'partner2',
    label: 'Partner 2',
    who: 'Veltmann Distribution (partner admin)',
    key: 'prm_demo_partner2',
  },
  {
    id: 'manager',
    label: 'Channel manager',
    who: 'Vendor channel manager',
    key: 'prm_demo_manager',
  },
];

/** English and German: the page's script shows the one the language switch asks for. */
type Text = readonly [en: string, de: string];

const bilingual = ([en, de]: Text) =>
  `data-en="${escapeHtml(en)}" data-de="${escapeHtml(de)}">${escapeHtml(en)}`;

const card = (title: Text, intro: Text, content: string, wide = false) => `
      <section class="panel${wide ? ' wide' : ''}" aria-labelledby="${slug(title[0])}">
        <h2 id="${slug(title[0])}" ${bilingual(title)}</h2>
        <p class="intro" ${bilingual(intro)}</p>
        ${content}
      </section>`;

const slug = (title: string) => `panel-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

const PARTNER_VIEW = [
  card(
    ['Terms to accept', 'Zu akzeptierende Bedingungen'],
    [
      'New contract versions wait here; registering deals needs the current terms.',
      'Neue Vertragsversionen warten hier; Deals registrieren setzt die aktuellen Bedingungen voraus.',
    ],
    '<prm-contract-acceptance></prm-contract-acceptance>',
  ),
  card(
    ['Check and reserve an account', 'Kunden prüfen und reservieren'],
    [
      'May you call on this customer? Reserve it in one click.',
      'Dürfen Sie diesen Kunden ansprechen? Reservieren Sie ihn mit einem Klick.',
    ],
    '<prm-reservation-check account-id="acc_eldergrove"></prm-reservation-check>',
  ),
  card(
    ['Register a deal', 'Deal registrieren'],
    [
      'Look up the account, describe the deal and submit. Conflicts and the decision deadline show at once.',
      'Kunden suchen, Deal beschreiben, absenden. Konflikte und die Entscheidungsfrist erscheinen sofort.',
    ],
    '<prm-registration-form></prm-registration-form>',
    true,
  ),
  card(
    ['My registrations', 'Meine Registrierungen'],
    [
      'Status, countdowns, reasons and the audit trail of every deal you registered.',
      'Status, Fristen, Gründe und der Prüfpfad jedes registrierten Deals.',
    ],
    '<prm-registration-list></prm-registration-list>',
    true,
  ),
  card(
    ['Find a partner', 'Partner finden'],
    [
      'Search partners by skill, level, certification and place, ranked with an explanation.',
      'Partner nach Fähigkeit, Stufe, Zertifizierung und Ort suchen, begründet gereiht.',
    ],
    '<prm-skills-finder></prm-skills-finder>',
    true,
  ),
].join('');

const MANAGER_VIEW = [
  card(
    ['Approval queue', 'Freigabe-Warteschlange'],
    [
      'Registrations waiting for a decision, due soonest first, SLA breaches on top.',
      'Registrierungen, die auf eine Entscheidung warten: früheste Frist zuerst, SLA-Verstöße oben.',
    ],
    '<prm-registration-list></prm-registration-list>',
    true,
  ),
  card(
    ['Partner scorecards', 'Partner-Scorecards'],
    [
      'Every partner against its objectives, rolled up by region. Lights carry text and shape.',
      'Jeder Partner gegen seine Ziele, nach Region zusammengefasst. Ampeln tragen Text und Form.',
    ],
    '<prm-traffic-light-board group-by="region"></prm-traffic-light-board>',
    true,
  ),
  card(
    ['Find a partner', 'Partner finden'],
    [
      'Who is best for this customer? Skills, certification and distance, with the why.',
      'Wer passt am besten zu diesem Kunden? Fähigkeiten, Zertifizierung und Entfernung, mit Begründung.',
    ],
    '<prm-skills-finder></prm-skills-finder>',
    true,
  ),
  card(
    ['Check an account', 'Kunden prüfen'],
    [
      'See who holds a customer before you assign it.',
      'Sehen Sie, wer einen Kunden hält, bevor Sie ihn zuweisen.',
    ],
    '<prm-reservation-check account-id="acc_eldergrove"></prm-reservation-check>',
  ),
].join('');

/**
 * The demo portal: every element on one page, signed in as a demo role chosen in the header.
 * Only served in demo mode with the elements' bundle at hand.
 */
export const portalAppPage = (options: { version: string; bundleUrl: string }) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>OpenPRM demo portal</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E%3Cpath d=%22M8 1l7 7-7 7-7-7z%22 fill=%22%232456d6%22/%3E%3C/svg%3E">
<style>${portalAppStyles}</style>
<script type="module" src="${escapeHtml(options.bundleUrl)}"></script>
</head>
<body>
<a class="skip" href="#workspace">Skip to the workspace</a>
<header class="topbar">
  <div class="brand">
    <span class="logo" aria-hidden="true">◆</span>
    <span><strong>OpenPRM</strong> <span class="muted">demo portal · v${escapeHtml(options.version)}</span></span>
  </div>
  <form class="switchers" aria-label="Demo settings">
    <fieldset class="segmented">
      <legend>View as</legend>
      ${PORTAL_ROLES.map(
        (role, index) =>
          `<label title="${escapeHtml(role.who)}"><input type="radio" name="role" value="${role.id}"${index === 0 ? ' checked' : ''}><span>${escapeHtml(role.label)}</span></label>`,
      ).join('')}
    </fieldset>
    <fieldset class="segmented">
      <legend>Language</legend>
      <label><input type="radio" name="lang" value="en" checked><span>EN</span></label>
      <label><input type="radio" name="lang" value="de"><span>DE</span></label>
    </fieldset>
  </form>
  <nav class="links" aria-label="Developer links">
    <a href="/docs">API reference</a>
    <a href="/v1/openapi.json">OpenAPI</a>
  </nav>
</header>
<main id="workspace" tabindex="-1">
  <p class="signed-in" role="status" aria-live="polite"></p>
  <prm-provider id="provider" live>
    <div class="grid" id="view"></div>
  </prm-provider>
  <aside class="panel wide activity" aria-labelledby="activity-title">
    <h2 id="activity-title" ${bilingual(['Events on this page', 'Ereignisse auf dieser Seite'])}</h2>
    <p class="intro">Every element reports what people do as <code>prm-*</code> DOM events; a host page listens with <code>addEventListener</code>. The latest appear here.</p>
    <ol id="activity" aria-live="polite"></ol>
  </aside>
</main>
<template id="view-partner">${PARTNER_VIEW}</template>
<template id="view-manager">${MANAGER_VIEW}</template>
<script type="module">${portalAppScript(PORTAL_ROLES)}</script>
</body>
</html>`;
