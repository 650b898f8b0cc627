import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CLIENT_EVENTS } from '@timeline/contracts';
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

/** Each property of a JSON Schema's objects, by its path, through nested objects, arrays and unions. */
function propertiesOf(schema: Json, path = ''): [string, Json][] {
  const found: [string, Json][] = [];
  for (const [name, property] of Object.entries<Json>(schema.properties ?? {}))
    found.push([`${path}${name}`, property], ...propertiesOf(property, `${path}${name}.`));
  for (const branch of [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) found.push(...propertiesOf(branch, path));
  if (schema.items) found.push(...propertiesOf(schema.items, `${path}[].`));
  return found;
}

/** The client messages with their acknowledgements, as the served document's receive operations give them. */
function clientMessages(doc: Json): { channel: string; message: Json; ack: Json }[] {
  const byRef = (ref: string) => {
    const [, , channel = '', , id = ''] = ref.split('/');
    return doc.channels[channel].messages[id];
  };
  return Object.entries<Json>(doc.operations)
    .filter(([, op]) => op.action === 'receive')
    .map(([id, op]) => ({
      channel: id.split('.')[0] ?? id,
      message: byRef(op.messages[0].$ref),
      ack: byRef(op.reply.messages[0].$ref),
    }));
}

/** The disagreements of an example with the payload schema the document gives its message. */
function exampleChecker() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  return (where: string, payload: Json, example: unknown): string[] => {
    const validate = ajv.compile(payload);
    return validate(example) ? [] : (validate.errors ?? []).map((e) => `${where}: ${e.instancePath} ${e.message}`);
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

describe('the AsyncAPI document, for a reader', () => {
  let doc: Json;
  beforeAll(async () => {
    doc = (await app.http.get('/docs/asyncapi.json').expect(200)).body;
  });

  it('sums up every operation', () => {
    const operations = Object.entries<Json>(doc.operations);
    expect(operations.length).toBeGreaterThanOrEqual(19);
    expect(operations.filter(([, op]) => typeof op.summary !== 'string' || op.summary.length < 10).map(([id]) => id)).toEqual([]);
  });

  it('describes every field of every client message', () => {
    const fields = clientMessages(doc).flatMap(({ message }) =>
      propertiesOf(message.payload).map(([path, schema]) => [`${message.name} ${path}`, schema] as const),
    );
    expect(fields.map(([path]) => path)).toEqual(
      expect.arrayContaining(['replay:start campaignId', 'replay:start resume.seq', 'replay:step hours', 'replay:join room']),
    );
    expect(fields.filter(([, schema]) => !schema.description).map(([path]) => path)).toEqual([]);
  });

  it('gives every client message and acknowledgement examples its payload schema accepts, as the gateway does', () => {
    const fits = exampleChecker();
    const misfits: string[] = [];
    for (const { channel, message, ack } of clientMessages(doc)) {
      const schema = (CLIENT_EVENTS as Record<string, Record<string, z.ZodType>>)[`/${channel}`]?.[message.name];
      expect(message.examples?.length, message.name).toBeGreaterThan(0);
      for (const { name, payload } of message.examples ?? []) {
        misfits.push(...fits(`${message.name} ${name}`, message.payload, payload));
        if (!schema?.safeParse(payload).success) misfits.push(`${message.name} ${name}: refused by the gateway's schema`);
      }
      // an acknowledgement is shown accepted and refused
      expect(new Set((ack.examples ?? []).map((e: Json) => e.payload.ok)), ack.name).toEqual(new Set([true, false]));
      for (const { name, payload } of ack.examples) misfits.push(...fits(`${ack.name} ${name}`, ack.payload, payload));
    }
    expect(misfits).toEqual([]);
  });

  it('refuses, as a check of that check, an example its payload schema does not accept', () => {
    const fits = exampleChecker();
    const [step] = clientMessages(doc).filter(({ message }) => message.name === 'replay:step');
    expect(fits('step', step?.message.payload, { sessionId: 'Vt3kQm9xR2bL0aZc', hours: 'one' })).not.toEqual([]);
    expect(fits('step', step?.ack.payload, { ok: true })).not.toEqual([]);
  });

  it('defaults the servers’ host and port to those the document was asked at, the service’s own', async () => {
    const served = new URL(app.url);
    const addresses = async (host?: string) => {
      const request = app.http.get('/docs/asyncapi.json');
      const { body } = await (host === undefined ? request : request.set('Host', host)).expect(200);
      return Object.values<Json>(body.servers).map((s) => [s.variables.host.default, s.variables.port.default]);
    };
    const twice = (host: string, port: string) => [
      [host, port],
      [host, port],
    ];
    expect(await addresses()).toEqual(twice(served.hostname, served.port));
    expect(await addresses('timeline.example.org:8443')).toEqual(twice('timeline.example.org', '8443'));
    expect(await addresses('[::1]:4000')).toEqual(twice('[::1]', '4000'));
    // no port named: the one the service listens on; a header that is no host: the service's own address
    expect(await addresses('timeline.example.org')).toEqual(twice('timeline.example.org', served.port));
    expect(await addresses('evil"}<x>:1')).toEqual(twice(served.hostname, served.port));
    expect(await addresses('timeline.example.org:99999')).toEqual(twice(served.hostname, served.port));
    const { body } = await app.http.get('/docs/asyncapi.json').set('Host', 'timeline.example.org:8443');
    const { diagnostics } = await new Parser().parse(body);
    expect(diagnostics.filter((d) => Number(d.severity) === Number(DiagnosticSeverity.Error))).toEqual([]);
  });
});
