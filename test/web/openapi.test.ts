import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/web/openapi.js';
import { inboxQuerySchema } from '../../src/web/inbox/inbox-query.js';
import { request, signedInAs, startWorkspace, type Workspace } from '../support/workspace.js';

let workspace: Workspace;
beforeEach(async () => {
  workspace = await startWorkspace();
});
afterEach(async () => {
  await workspace.close();
});

describe('the OpenAPI document', () => {
  it('describes the API paths, with the action body the handler checks', async () => {
    const { cookie } = await signedInAs(workspace, 'mikko@seller.fi');
    const answer = await request(workspace, '/api/openapi.json', { headers: { cookie } });
    expect(answer.status).toBe(200);
    const document = (await answer.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: unknown }> } }>>;
    };

    expect(document.openapi).toBe('3.0.3');
    for (const path of ['/api/me', '/api/me/language', '/api/runs', '/api/runs/{id}', '/api/runs/{id}/actions', '/api/insight', '/api/catalog/search', '/api/openapi.json']) expect(document.paths, path).toHaveProperty([path]);
    const body = JSON.stringify(document.paths['/api/runs/{id}/actions']!.post!.requestBody!.content['application/json']!.schema);
    for (const kind of ['pick', 'quantity', 'add', 'remove', 'customer', 'salesperson', 'approve', 'not_an_rfq', 'process_again']) expect(body).toContain(`"${kind}"`);
    expect(body).toContain('"actionId"');
    const filters = document.paths['/api/runs']!.get!.parameters!;
    expect(filters.map((p) => p.name).sort()).toEqual(Object.keys(inboxQuerySchema.shape).sort());
    expect(new Set(filters.map((p) => p.in))).toEqual(new Set(['query']));
    expect(JSON.stringify(document.paths['/api/insight'])).toContain('"enum":[30,90,365]');
  });

  it('describes the catalog search by the parameters its handler checks', async () => {
    const { cookie } = await signedInAs(workspace, 'mikko@seller.fi');
    const document = (await (await request(workspace, '/api/openapi.json', { headers: { cookie } })).json()) as {
      paths: Record<string, { get: { parameters: { name: string; in: string; required: boolean; schema: { maximum?: number } }[] } }>;
    };
    const parameters = document.paths['/api/catalog/search']!.get.parameters;
    expect(parameters.map((p) => [p.name, p.in, p.required])).toEqual([['q', 'query', true], ['limit', 'query', false]]);
    expect(parameters.find((p) => p.name === 'limit')!.schema.maximum).toBe(50);
  });

  it('names only paths that refuse a caller without a session or token, and a session without its CSRF token on every change', async () => {
    const { cookie } = await signedInAs(workspace, 'mikko@seller.fi');
    const operations = Object.entries(openApiDocument().paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path: path.replace(/\{[^}]+\}/g, '1') })),
    );
    expect(operations.length).toBeGreaterThan(4);
    for (const { method, path } of operations) {
      expect((await request(workspace, path, { method })).status, `${method} ${path}`).toBe(401);
      if (method !== 'GET') expect((await request(workspace, path, { method, headers: { cookie } })).status, `${method} ${path} without CSRF`).toBe(403);
    }
  });
});
