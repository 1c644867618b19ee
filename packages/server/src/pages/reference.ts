import { type EndpointDefinition, errorCodesOf, pathParamNames } from '@openprm/core';
import { escapeHtml, page } from '../html.js';
import { EXAMPLE_BODIES } from './examples.js';
import { REFERENCE_SCRIPT } from './reference-script.js';

const tags = (items: readonly string[]) =>
  items.map((item) => `<span class="tag">${escapeHtml(item)}</span>`).join('');

const field = (endpoint: EndpointDefinition, name: string, where: 'path' | 'query') => {
  const id = `${endpoint.id}-${where}-${name}`;
  return `<label for="${escapeHtml(id)}">${escapeHtml(name)}${where === 'path' ? ' (path)' : ''}</label>
        <input id="${escapeHtml(id)}" name="${escapeHtml(name)}" data-in="${where}"${where === 'path' ? ' required' : ''}>`;
};

const tryForm = (endpoint: EndpointDefinition) => {
  const pathFields = pathParamNames(endpoint.path).map((name) => field(endpoint, name, 'path'));
  const queryFields = Object.keys(endpoint.query?.shape ?? {}).map((name) =>
    field(endpoint, name, 'query'),
  );
  const bodyId = `${endpoint.id}-body`;
  const body =
    endpoint.body && endpoint.bodyType !== 'csv'
      ? `<label for="${escapeHtml(bodyId)}">JSON body</label>
        <textarea id="${escapeHtml(bodyId)}" rows="6">${escapeHtml(JSON.stringify(EXAMPLE_BODIES[endpoint.id] ?? {}, null, 2))}</textarea>`
      : '';
  return `<form class="try" data-method="${endpoint.method}" data-path="${escapeHtml(endpoint.path)}">
        <div class="fields">${[...pathFields, ...queryFields].join('\n        ')}</div>
        ${body}
        <button type="submit" class="button">Send ${endpoint.method}</button>
        <output aria-live="polite"></output>
      </form>`;
};

const operation = (
  endpoint: EndpointDefinition,
) => `    <details class="operation" id="${escapeHtml(endpoint.id)}">
      <summary><span class="method">${endpoint.method}</span> <code>${escapeHtml(endpoint.path)}</code> — ${escapeHtml(endpoint.summary)}</summary>
      ${endpoint.description ? `<p>${escapeHtml(endpoint.description)}</p>` : ''}
      <p>Roles: ${endpoint.roles === 'public' ? tags(['public']) : tags(endpoint.roles)}</p>
      <p>Errors: ${tags(errorCodesOf(endpoint))}</p>
      ${endpoint.responseKind === 'event-stream' ? '<p>Streams server-sent events; try it with curl -N.</p>' : tryForm(endpoint)}
    </details>`;

/**
 * The interactive API reference: every endpoint of the contract with its roles and error codes,
 * and a form to call it with a token. Generated from the same declarations as the OpenAPI document.
 */
export const referencePage = (
  endpoints: readonly EndpointDefinition[],
  demoKeys: readonly string[] = [],
) => {
  const areas = new Map<string, EndpointDefinition[]>();
  for (const endpoint of endpoints) {
    const area = endpoint.id.split('.')[0] as string;
    areas.set(area, [...(areas.get(area) ?? []), endpoint]);
  }
  return page(
    'OpenPRM API reference',
    `<header>
  <h1>OpenPRM API reference</h1>
  <p class="lead">Every endpoint with its allowed roles and the error codes it can answer. Errors are
  <code>application/problem+json</code> with a stable <code>code</code>. Machine-readable:
  <a href="/v1/openapi.json">/v1/openapi.json</a>.</p>
  <p class="token"><label for="token">Bearer token</label>
  <input id="token" list="demo-keys" placeholder="an API key or session token" autocomplete="off" size="36">
  <datalist id="demo-keys">${demoKeys.map((key) => `<option value="${escapeHtml(key)}"></option>`).join('')}</datalist></p>
</header>
<main>
  <nav aria-label="Areas"><p>${[...areas.keys()].map((area) => `<a href="#area-${escapeHtml(area)}">${escapeHtml(area)}</a>`).join(' · ')}</p></nav>
${[...areas]
  .map(
    ([area, list]) => `  <section aria-labelledby="area-${escapeHtml(area)}">
    <h2 id="area-${escapeHtml(area)}">${escapeHtml(area)}</h2>
${list.map(operation).join('\n')}
  </section>`,
  )
  .join('\n')}
</main>
<script type="module">${REFERENCE_SCRIPT}</script>`,
  );
};
