import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageId } from '../../apps/api/src/docs/asyncapi';
import { startTestApp, type TestApp } from '../support/app';
import { TestClient, type Json } from './socket-client';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ LOAD_EVENTS: 'true' });
}, 120_000);
afterAll(async () => app.close());

/** Checks a real acknowledgement against the payload the served document gives it. */
function ackChecker(doc: Json, channel: string) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  return (event: string, ack: unknown): string[] => {
    const message = doc.channels[channel].messages[`${messageId(event)}Ack`];
    if (!message) return [`${event}: no acknowledgement documented`];
    const validate = ajv.compile(message.payload);
    return validate(ack) ? [] : (validate.errors ?? []).map((e) => `${event}: ${e.instancePath} ${e.message}`);
  };
}

/** Every event name the gateways' code handles or emits, read from the source. */
function eventsInSource(): { handled: Set<string>; emitted: Set<string> } {
  const dir = join(__dirname, '../../apps/api/src/replay');
  const handled = new Set<string>();
  const emitted = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const [, name = ''] of text.matchAll(/@SubscribeMessage\('([^']+)'\)/g)) handled.add(name);
    for (const [, name = ''] of text.matchAll(/(?:emit|\.emit)\('((?:replay|claim):[a-z]+)'/g)) emitted.add(name);
  }
  return { handled, emitted };
}

describe('the AsyncAPI document', () => {
  it('is served and describes every message the gateways handle and emit', async () => {
    const doc = (await app.http.get('/docs/asyncapi.json').expect(200)).body;
    expect(doc.asyncapi).toBe('3.0.0');
    const documented = new Map<string, string>();
    for (const [id, op] of Object.entries<Json>(doc.operations)) {
      const [channel = id] = id.split('.');
      const messageRef: string = op.messages[0].$ref;
      const message = doc.channels[channel].messages[messageRef.split('/').pop()!];
      documented.set(message.name, op.action);
    }
    const { handled, emitted } = eventsInSource();
    expect(handled.size).toBeGreaterThanOrEqual(9);
    for (const event of handled) expect(documented.get(event), event).toBe('receive');
    for (const event of emitted) expect(documented.get(event), event).toBe('send');
    expect(doc.channels.replay.messages[messageId('replay:frame')].payload.required).toEqual(
      expect.arrayContaining(['sessionId', 'seq', 'at', 'until', 'claims', 'control', 'casualties']),
    );
    const change = doc.channels.replay.messages[messageId('replay:correction')].payload.properties.change;
    expect(change.required).toEqual(
      expect.arrayContaining(['kind', 'fields', 'summaryBefore', 'claim', 'sources', 'reason', 'actor']),
    );
    expect(change.properties.kind.enum).toEqual(['recorded', 'corrected', 'ranked', 'retracted']);
    expect(doc.channels.live.messages[messageId('claim:recorded')].payload.properties.change.properties).toHaveProperty('fields');
    expect(doc.channels.replay.messages[messageId('replay:ended')]).toMatchObject({
      description: expect.stringContaining('host-lost'),
      payload: { required: ['sessionId', 'reason'], properties: { reason: { enum: ['stopped', 'host-lost'] } } },
    });
  });
});

describe('the AsyncAPI document, checked by the AsyncAPI parser and against real acknowledgements', () => {
  it('is a valid AsyncAPI 3 document with socket.io servers on the service’s host and port', async () => {
    const doc = (await app.http.get('/docs/asyncapi.json').expect(200)).body;
    const { document, diagnostics } = await new Parser().parse(doc);
    // warnings and hints are style advice; errors make the document unusable
    expect(
      diagnostics
        .filter((d) => Number(d.severity) === Number(DiagnosticSeverity.Error))
        .map((d) => `${d.path.join('.')}: ${d.message}`),
    ).toEqual([]);
    expect(document).toBeDefined();
    expect(Object.values<Json>(doc.servers).map((s) => [s.protocol, s.pathname, s.host])).toEqual([
      ['ws', '/socket.io', '{host}:{port}'],
      ['http', '/socket.io', '{host}:{port}'],
    ]);
    expect(Object.values<Json>(doc.channels).map((c) => c.address)).toEqual(['/replay', '/live']);
  });

  it('documents an acknowledgement for every client message, as its operation’s reply', async () => {
    const doc = (await app.http.get('/docs/asyncapi.json')).body;
    const receives = Object.entries<Json>(doc.operations).filter(([, op]) => op.action === 'receive');
    expect(receives.length).toBeGreaterThanOrEqual(10);
    for (const [id, op] of receives) expect(op.reply?.messages?.[0]?.$ref, id).toMatch(/Ack$/);
    const started = doc.channels.replay.messages[`${messageId('replay:start')}Ack`].payload.anyOf[0];
    expect(started.required).toEqual(expect.arrayContaining(['ok', 'sessionId', 'from', 'to', 'frames', 'pinnedPosition']));
  });

  it('acknowledges each replay command, and a refusal, as documented', async () => {
    const doc = (await app.http.get('/docs/asyncapi.json')).body;
    const check = ackChecker(doc, 'replay');
    const client = new TestClient(app.url, '/replay');
    const viewer = new TestClient(app.url, '/replay');
    try {
      await Promise.all([client.connected(), viewer.connected()]);
      const wrong: string[] = [];
      const sent = async (event: string, payload: unknown, ok = true) => {
        const ack = await client.ack(event, payload);
        expect(ack.ok, `${event} ${JSON.stringify(ack)}`).toBe(ok);
        wrong.push(...check(event, ack));
        return ack;
      };
      const room = 'docs-room';
      const { sessionId } = await sent('replay:start', {
        campaignId: 'syria-2024',
        from: '2024-12-06',
        to: '2024-12-09',
        room,
        paused: true,
      });
      const joined = await viewer.ack('replay:join', { room });
      wrong.push(...check('replay:join', joined));
      await sent('replay:pause', { sessionId });
      await sent('replay:resume', { sessionId });
      await sent('replay:speed', { sessionId, speed: 10 });
      await sent('replay:seek', { sessionId, at: '2024-12-07' });
      await sent('replay:step', { sessionId, hours: 1 });
      await sent('replay:stop', { sessionId });
      await sent('replay:start', { campaignId: 'nowhere' }, false);
      await sent('replay:seek', { sessionId: 'x' }, false);
      expect(joined.ok).toBe(true);
      expect(wrong).toEqual([]);
    } finally {
      client.socket.close();
      viewer.socket.close();
    }
  });

  it('acknowledges a live subscription as documented', async () => {
    const doc = (await app.http.get('/docs/asyncapi.json')).body;
    const check = ackChecker(doc, 'live');
    const client = new TestClient(app.url, '/live');
    try {
      await client.connected();
      const acks = [
        ['subscribe', await client.ack('subscribe', { campaignId: 'syria-2024' })],
        ['unsubscribe', await client.ack('unsubscribe', { campaignId: 'syria-2024' })],
        ['subscribe', await client.ack('subscribe', { campaignId: 'nowhere' })],
      ] as const;
      expect(acks.map(([, ack]) => ack.ok)).toEqual([true, true, false]);
      expect(acks.flatMap(([event, ack]) => check(event, ack))).toEqual([]);
    } finally {
      client.socket.close();
    }
  });
});
