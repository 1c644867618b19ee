import { defineConfig } from 'vite';

// The API stays on its own server; the dev server (and `vite preview`) forward /v1 to it, so the
// page and the API share an origin and need no CORS.
const api = process.env.OPENPRM_URL ?? 'http://localhost:8787';

export default defineConfig({
  server: { proxy: { '/v1': api } },
  preview: { proxy: { '/v1': api } },
});
