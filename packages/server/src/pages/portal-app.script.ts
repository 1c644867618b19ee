import type { PortalRole } from './portal-app.js';

/**
 * The portal's only script: switch role and language (remembered in the URL), and refresh the
 * elements that show what another element just changed. Plain DOM, no framework: it is also the
 * example of how a host page wires the elements together through their events.
 */
export const portalAppScript = (roles: readonly PortalRole[]) => `
const roles = ${JSON.stringify(Object.fromEntries(roles.map((role) => [role.id, role])))};
const provider = document.getElementById('provider');
const view = document.getElementById('view');
const form = document.querySelector('.switchers');
const signedIn = document.querySelector('.signed-in');
const activity = document.getElementById('activity');

const params = new URLSearchParams(location.hash.slice(1));
const state = {
  role: roles[params.get('as')] ? params.get('as') : 'partner1',
  lang: params.get('lang') === 'de' ? 'de' : 'en',
};

const render = () => {
  const role = roles[state.role];
  form.elements.role.value = state.role;
  form.elements.lang.value = state.lang;
  document.documentElement.lang = state.lang;
  provider.token = role.key;
  const template = document.getElementById(state.role === 'manager' ? 'view-manager' : 'view-partner');
  view.replaceChildren(template.content.cloneNode(true));
  for (const text of document.querySelectorAll('[data-de]')) text.textContent = text.dataset[state.lang];
  signedIn.textContent =
    (state.lang === 'de' ? 'Angemeldet als ' : 'Signed in as ') +
    role.label + ' — ' + role.who + ' (' + (state.lang === 'de' ? 'Demo-Schlüssel ' : 'demo key ') + role.key + ')';
  history.replaceState(null, '', '#as=' + state.role + '&lang=' + state.lang);
};

form.addEventListener('change', (event) => {
  state[event.target.name] = event.target.value;
  render();
});

const refresh = (tag) => {
  for (const element of document.querySelectorAll(tag)) element.refresh?.();
};
const log = (text) => {
  const item = document.createElement('li');
  item.textContent = new Date().toLocaleTimeString() + ' · ' + text;
  activity.prepend(item);
  while (activity.children.length > 8) activity.lastElementChild.remove();
};

document.addEventListener('prm-registration-submitted', (event) => {
  log('prm-registration-submitted: ' + event.registration.id + ' (' + event.registration.status + ')');
  refresh('prm-registration-list');
  refresh('prm-reservation-check');
});
document.addEventListener('prm-registration-changed', (event) => {
  log('prm-registration-changed: ' + event.action + ' ' + event.registration.id + ' → ' + event.registration.status);
  refresh('prm-traffic-light-board');
});
document.addEventListener('prm-reservation-changed', (event) => {
  log('prm-reservation-changed: ' + event.check.accountId + ' → ' + event.check.status);
});
document.addEventListener('prm-contract-accepted', (event) => {
  log('prm-contract-accepted: version ' + event.acceptance.version + ', receipt ' + event.acceptance.id);
  refresh('prm-registration-form');
});
document.addEventListener('prm-partner-selected', (event) => {
  log('prm-partner-selected: ' + event.partner.partner.name);
});
document.addEventListener('prm-drill-down', (event) => {
  log('prm-drill-down: ' + event.partnerId + (event.objectiveId ? ' / ' + event.objectiveId : ''));
});

render();
`;
