import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * Serves a directory on 127.0.0.1 on a free port. Service workers (msw's) need a secure context,
 * which includes http://127.0.0.1, and a JavaScript content type for the worker script.
 */
export const serveDirectory = async (
  root: string,
): Promise<{ url: string; close: () => Promise<void> }> => {
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://local').pathname);
    // Chromium asks for /favicon.ico on its own; a 404 would count as a console error.
    if (pathname === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const file = join(root, normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
    const target =
      existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
    if (!target.startsWith(root) || !existsSync(target)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(target)] ?? 'application/octet-stream',
    });
    createReadStream(target).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
