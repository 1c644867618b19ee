import { type EndpointDefinition, errorCodesOf } from '@openprm/core';
import { escapeHtml, page } from '../html.js';

const row = (endpoint: EndpointDefinition) => `      <tr>
        <td><span class="method">${endpoint.method}</span></td>
        <td><code>${escapeHtml(endpoint.path)}</code><br>${escapeHtml(endpoint.summary)}</td>
        <td>${endpoint.roles === 'public' ? '<span class="tag">public</span>' : endpoint.roles.map((role) => `<span class="tag">${role}</span>`).join('')}</td>
        <td>${errorCodesOf(endpoint)
          .map((code) => `<span class="tag">${code}</span>`)
          .join('')}</td>
      </tr>`;

/** A readable reference of every endpoint, generated from the same contract as the OpenAPI document. */
export const referencePage = (endpoints: readonly EndpointDefinition[]) => {
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
</header>
<main>
${[...areas]
  .map(
    ([area, list]) => `  <h2 id="${escapeHtml(area)}">${escapeHtml(area)}</h2>
  <table>
    <thead><tr><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Roles</th><th scope="col">Errors</th></tr></thead>
    <tbody>
${list.map(row).join('\n')}
    </tbody>
  </table>`,
  )
  .join('\n')}
</main>`,
  );
};
