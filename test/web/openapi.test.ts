import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
    for (const path of ['/api/me', '/api/me/language', '/api/runs', '/api/runs/{id}', '/api/runs/{id}/actions', '/api/openapi.json']) expect(document.paths, path).toHaveProperty([path]);
    const body = JSON.stringify(document.paths['/api/runs/{id}/actions']!.post!.requestBody!.content['application/json']!.schema);
    for (const kind of ['pick', 'quantity', 'add', 'remove', 'customer', 'salesperson', 'approve', 'not_an_rfq', 'process_again']) expect(body).toContain(`"${kind}"`);
    expect(body).toContain('"actionId"');
    const filters = document.paths['/api/runs']!.get!.parameters!;
    expect(filters.map((p) => p.name).sort()).toEqual(Object.keys(inboxQuerySchema.shape).sort());
    expect(new Set(filters.map((p) => p.in))).toEqual(new Set(['query']));
  });

  it('is refused without a session or token, like every API path', async () => {
    expect((await request(workspace, '/api/openapi.json')).status).toBe(401);
    const { paths } = (await (await request(workspace, '/api/openapi.json', { headers: { cookie: (await signedInAs(workspace, 'mikko@seller.fi')).cookie } })).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, operations] of Object.entries(paths)) {
      for (const method of Object.keys(operations)) {
        const answer = await request(workspace, path.replace('{id}', '1'), { method: method.toUpperCase() });
        expect(answer.status, `${method} ${path}`).toBe(401);
      }
    }
  });
});
