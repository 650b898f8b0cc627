import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageId } from '../../apps/api/src/docs/asyncapi';
import { startTestApp, type TestApp } from '../support/app';
import type { Json } from './socket-client';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

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
