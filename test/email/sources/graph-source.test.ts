import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GraphSource, type GraphSettings } from '../../../src/email/sources/graph-source.js';
import { fixturePath } from '../../support/fixtures.js';
import { systemClock } from '../../../src/time/clock.js';

/**
 * Microsoft Graph cannot run here, so a local server answers with the response shapes of
 * Microsoft's documentation, kept as files in test/fixtures/graph; the requests it checks are
 * the ones Graph would have to accept.
 */
const recorded = (name: string) => JSON.parse(readFileSync(fixturePath(`graph/${name}.json`), 'utf8')) as Record<string, unknown>;
const TOKEN = recorded('token').access_token as string;
const [FIRST, SECOND] = [recorded('messages-page-1'), recorded('messages-page-2')].map((page) => (page.value as { id: string }[])[0]!.id);
const MIME: Record<string, Buffer> = { [FIRST!]: readFileSync(fixturePath('workflow/rfq-known-customer.eml')), [SECOND!]: readFileSync(fixturePath('workflow/thanks.eml')) };

interface FakeGraph {
  url: string;
  tokenRequests: number;
  moved: { id: string; destinationId: string }[];
  downloads: number;
  expireNextToken: boolean;
  app: FastifyInstance;
}

async function fakeGraph(): Promise<FakeGraph> {
  // Graph's message ids are longer than Fastify's default limit for a path parameter.
  const app = Fastify({ maxParamLength: 1000 });
  const state: FakeGraph = { url: '', tokenRequests: 0, moved: [], downloads: 0, expireNextToken: false, app };
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
  app.post('/contoso.onmicrosoft.com/oauth2/v2.0/token', async (request, reply) => {
    state.tokenRequests += 1;
    const form = request.body as Record<string, string>;
    if (form.client_secret !== 'app-secret' || form.grant_type !== 'client_credentials' || form.scope !== 'https://graph.microsoft.com/.default') {
      return reply.code(401).send(recorded('error-invalid-client'));
    }
    return recorded('token');
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/v1.0/')) return;
    if (request.headers.authorization !== `Bearer ${TOKEN}` || state.expireNextToken) {
      state.expireNextToken = false;
      return reply.code(401).send(recorded('error-token-expired'));
    }
  });
  app.get('/v1.0/users/:mailbox/mailFolders/inbox', async () => recorded('mail-folder-inbox'));
  app.get('/v1.0/users/:mailbox/mailFolders/inbox/messages', async (request) => {
    const query = request.query as Record<string, string>;
    if (query.$skip === '1') return recorded('messages-page-2');
    const page = recorded('messages-page-1');
    return { ...page, '@odata.nextLink': (page['@odata.nextLink'] as string).replace('https://graph.microsoft.com', state.url) };
  });
  app.get('/v1.0/users/:mailbox/messages/:id/$value', async (request, reply) => {
    state.downloads += 1;
    return reply.type('message/rfc822').send(MIME[(request.params as { id: string }).id]);
  });
  app.get('/v1.0/users/:mailbox/mailFolders', async () => recorded('mail-folders-none'));
  app.post('/v1.0/users/:mailbox/mailFolders', async (request, reply) => {
    expect(request.body).toEqual({ displayName: 'Processed' });
    return reply.code(201).send(recorded('mail-folder-created'));
  });
  app.post('/v1.0/users/:mailbox/messages/:id/move', async (request, reply) => {
    state.moved.push({ id: (request.params as { id: string }).id, destinationId: (request.body as { destinationId: string }).destinationId });
    return reply.code(201).send(recorded('message-moved'));
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  state.url = address;
  return state;
}

let graph: FakeGraph;

beforeEach(async () => {
  graph = await fakeGraph();
});

afterEach(async () => {
  await graph.app.close();
});

const source = (overrides: Partial<GraphSettings> = {}) =>
  new GraphSource({
    tenantId: 'contoso.onmicrosoft.com',
    clientId: '00000000-0000-0000-0000-000000000000',
    clientSecret: 'app-secret',
    mailbox: 'myynti@teknotukku.fi',
    folder: 'inbox',
    doneFolder: 'Processed',
    authorityUrl: graph.url,
    graphUrl: `${graph.url}/v1.0`,
    ...overrides,
  }, systemClock);

describe('GraphSource', () => {
  it('lists every page of the folder, reads a mail as MIME only when asked, with one app token', async () => {
    const mailbox = source();

    const mails = await mailbox.list();
    await mailbox.list();
    expect(graph.downloads).toBe(0);

    expect(mails.map((m) => m.id)).toEqual([FIRST, SECOND]);
    expect((await mails[0]!.raw()).equals(MIME[FIRST!]!)).toBe(true);
    expect(graph.downloads).toBe(1);
    expect(graph.tokenRequests).toBe(1);
  });

  it('moves a done mail to the done folder, making the folder once', async () => {
    const mailbox = source();
    await mailbox.markDone(FIRST!);
    await mailbox.markDone(SECOND!);
    const folderId = recorded('mail-folder-created').id;
    expect(graph.moved).toEqual([
      { id: FIRST, destinationId: folderId },
      { id: SECOND, destinationId: folderId },
    ]);
  });

  it('takes a fresh token once when Graph says the token expired early', async () => {
    const mailbox = source();
    await mailbox.check();
    graph.expireNextToken = true;
    await mailbox.check();
    expect(graph.tokenRequests).toBe(2);
  });

  it("says what Microsoft's login said when the app's secret is wrong, without the secret", async () => {
    const error = await source({ clientSecret: 'wrong-secret' })
      .check()
      .catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^Microsoft login for myynti@teknotukku\.fi failed: HTTP 401 invalid_client: AADSTS7000215: Invalid client secret provided\. [^\r\n]*'\.$/);
    expect((error as Error).message).not.toContain('wrong-secret');
  });
});
