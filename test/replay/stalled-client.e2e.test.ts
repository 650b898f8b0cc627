import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { asEditor, startTestApp, type TestApp } from '../support/app';
import { CAMPAIGN, controlClaim, seedCampaign } from '../support/fixtures';
import { TestClient } from './socket-client';

const C = CAMPAIGN.campaignId;
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ BODY_LIMIT: '20mb' });
  await seedCampaign(app);
  // the first 150 hours carry large frames (ten long quotes each), enough to fill the kernel's
  // socket buffers; after that every frame a stalled client leaves unread waits in the server
  const quote = 'x'.repeat(4000);
  const claims = Array.from({ length: 1500 }, (_, i) => {
    const hour = Math.floor(i / 10);
    const date = new Date(Date.UTC(2024, 11, 1) + Math.floor(hour / 24) * 86_400_000).toISOString().slice(0, 10);
    return controlClaim({ claimId: `big-${i}`, place: i % 2 ? 'homs' : 'al-rastan', time: { date, hour: hour % 24 }, quote });
  });
  await app.http
    .post(`/campaigns/${C}/claims`)
    .set(asEditor)
    .send({ claims: claims.slice(0, 750) })
    .expect(201);
  await app.http
    .post(`/campaigns/${C}/claims`)
    .set(asEditor)
    .send({ claims: claims.slice(750) })
    .expect(201);
}, 60_000);
afterAll(async () => app.close());

/** A client speaking the socket.io wire protocol itself, so it can stop reading. */
function stalledClient(url: string): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const closed = new Promise<number>((r) => ws.once('close', () => r(Date.now())));
    ws.on('error', reject);
    ws.on('message', (data) => {
      const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      const text = bytes.toString();
      if (text.startsWith('0{')) ws.send('40/replay,');
      else if (text.startsWith('40/replay,')) {
        for (let i = 0; i < 5; i++)
          ws.send(
            `42/replay,${i}${JSON.stringify(['replay:start', { campaignId: C, from: '2024-12-01', to: '2025-06-30', speed: 1000 }])}`,
          );
      } else if (text.startsWith('43/replay,4')) {
        // all five replays started: stop reading
        (ws as unknown as { _socket: { pause(): void } })._socket.pause();
        resolve({ ws, closed });
      }
    });
  });
}

describe('a client that stops reading', () => {
  it('is disconnected once its unsent buffer passes the bound, while another client keeps its pace', async () => {
    const healthy = new TestClient(app.url, '/replay');
    await healthy.connected();
    const { sessionId } = await healthy.ack('replay:start', { campaignId: C, from: '2024-12-20', to: '2025-03-01', speed: 50 });
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 20);
    const stalled = await stalledClient(app.url);
    const stalledAt = Date.now();
    // the server closes the stalled connection: its socket leaves the namespace
    for (let i = 0; i < 300; i++) {
      const health = (await app.http.get('/health')).body;
      if (health.replay.sockets === 1) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const health = (await app.http.get('/health')).body;
    expect(health.replay.sockets).toBe(1);
    const cutAfter = Date.now() - stalledAt;
    clearInterval(sampler);
    expect(cutAfter).toBeLessThan(15_000);
    // the service (here in this process) held no more than the bound's worth of unsent frames
    const grewMiB = (heapPeak - heapBefore) / 2 ** 20;
    console.log(`[stalled] cut off after ${cutAfter} ms; heap grew at most ${grewMiB.toFixed(1)} MiB`);
    expect(grewMiB).toBeLessThan(60);
    // the healthy client went on receiving frames at its speed meanwhile
    const framesBefore = healthy.of('replay:frame').length;
    await new Promise((r) => setTimeout(r, 500));
    expect(healthy.of('replay:frame').length - framesBefore).toBeGreaterThanOrEqual(15);
    expect(healthy.socket.connected).toBe(true);
    await healthy.ack('replay:stop', { sessionId });
    healthy.close();
    stalled.ws.terminate();
  }, 60_000);
});
