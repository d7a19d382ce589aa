import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';

/** The package's `assets` folder: this file sits at src/web/ or dist/web/, two levels below it. */
const ASSETS = new URL('../../assets/', import.meta.url);

const FILES: Record<string, string> = {
  'workspace.css': 'text/css; charset=utf-8',
  'run-page.js': 'text/javascript; charset=utf-8',
  'inbox.js': 'text/javascript; charset=utf-8',
};

/** Read once at start: a handful of small files, served from memory, by name only (no paths from the URL reach the disk). */
export function serveStaticFiles(app: FastifyInstance): void {
  const contents = new Map(Object.entries(FILES).map(([name, type]) => [name, { type, body: readFileSync(fileURLToPath(new URL(name, ASSETS))) }]));
  app.get<{ Params: { file: string } }>('/static/:file', async (request, reply) => {
    const file = contents.get(request.params.file);
    if (!file) return reply.code(404).type('text/plain').send('not found');
    return reply.type(file.type).header('cache-control', 'public, max-age=3600').send(file.body);
  });
}
