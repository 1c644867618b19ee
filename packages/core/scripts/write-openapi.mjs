// Writes openapi.json from the built contract, so the published document is exactly what the code uses.
import { readFile, writeFile } from 'node:fs/promises';
import { buildOpenApiDocument, endpoints } from '../dist/index.js';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
const document = buildOpenApiDocument(Object.values(endpoints), {
  version: pkg.version,
  servers: ['http://localhost:8787'],
});
await writeFile(
  new URL('../openapi.json', import.meta.url),
  `${JSON.stringify(document, null, 2)}\n`,
);
console.log(`openapi.json: ${Object.keys(document.paths).length} paths`);
