import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerMail } from '../../src/answer/customer-mail.js';
import { GraphReplyTransport } from '../../src/answer/graph-reply-transport.js';
import { ReplyRefused } from '../../src/answer/reply-transport.js';
import { systemClock } from '../../src/time/clock.js';
import { fixturePath } from '../support/fixtures.js';

/** Graph cannot run here: a local server answers `sendMail` as Microsoft documents it (202, no body; errors as recorded). */
const recorded = (name: string) => JSON.parse(readFileSync(fixturePath(`graph/${name}.json`), 'utf8')) as Record<string, unknown>;
const TOKEN = recorded('token').access_token as string;

const MAIL: CustomerMail = {
  messageId: '<offer-7-1042@teknotukku.fi>',
  from: { address: 'myynti@teknotukku.fi', name: 'Teknotukku Oy' },
  to: { address: 'matti@putki.fi', name: 'Matti Virtanen' },
  cc: [],
  subject: 'Re: Tarjouspyyntö',
  inReplyTo: '<rfq-1@putki.fi>',
  references: ['<rfq-1@putki.fi>'],
  text: 'Hei Matti,\n\nliitteenä tarjous.',
  html: '<p>Hei Matti,</p>',
  attachments: [{ filename: 'Tarjous-1042.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7 test') }],
};

describe('sending to the customer through a Microsoft 365 mailbox', () => {
  let graph: FastifyInstance;
  let url: string;
  let sent: ParsedMail[];
  let answer: { status: number; body?: unknown } | null;

  beforeEach(async () => {
    sent = [];
    answer = null;
    graph = Fastify();
    graph.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_r, body, done) => done(null, body));
    graph.addContentTypeParser('text/plain', { parseAs: 'string' }, (_r, body, done) => done(null, body));
    graph.post('/contoso.onmicrosoft.com/oauth2/v2.0/token', async () => recorded('token'));
    graph.post('/v1.0/users/:mailbox/sendMail', async (request, reply) => {
      if (request.headers.authorization !== `Bearer ${TOKEN}`) return reply.code(401).send(recorded('error-token-expired'));
      if (answer) return reply.code(answer.status).send(answer.body);
      sent.push(await simpleParser(Buffer.from(request.body as string, 'base64')));
      return reply.code(202).send();
    });
    url = await graph.listen({ port: 0, host: '127.0.0.1' });
  });

  afterEach(async () => {
    await graph.close();
  });

  const transport = () =>
    new GraphReplyTransport({ tenantId: 'contoso.onmicrosoft.com', clientId: 'app', clientSecret: 'app-secret', mailbox: 'myynti@teknotukku.fi', authorityUrl: url, graphUrl: `${url}/v1.0` }, systemClock);

  it('sends the mail as MIME, so that it stays in the customer’s thread with its attachment', async () => {
    await transport().send(MAIL);

    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ messageId: MAIL.messageId, inReplyTo: '<rfq-1@putki.fi>', references: '<rfq-1@putki.fi>', subject: 'Re: Tarjouspyyntö' });
    expect(sent[0]!.attachments.map((a) => [a.filename, a.content.toString()])).toEqual([['Tarjous-1042.pdf', '%PDF-1.7 test']]);
  });

  it('reports a refusal by Graph as a mail that did not go, to be sent again', async () => {
    answer = { status: 403, body: recorded('error-send-as-denied') };
    await expect(transport().send(MAIL)).rejects.toThrow(ReplyRefused);
    await expect(transport().send(MAIL)).rejects.toThrow(/ErrorSendAsDenied/);
  });

  it('leaves open whether a mail went when Graph fails on its side', async () => {
    answer = { status: 503, body: { error: { code: 'ServiceUnavailable', message: 'try later' } } };
    const failure = await transport().send(MAIL).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(ReplyRefused);
  });
});
