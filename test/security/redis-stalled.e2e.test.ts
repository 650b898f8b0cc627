import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEditor, startTestApp, type TestApp } from '../support/app';
import { CAMPAIGN, controlClaim, seedCampaign } from '../support/fixtures';
import { freePort } from '../support/ports';
import { redisOrSkip, spawnRedis } from '../support/redis';

let ok = false;
let redis: ChildProcess | undefined;
let app: TestApp | undefined;

beforeAll(async () => {
  ok = await redisOrSkip(); // a redis-server binary is needed to run one of our own
  if (!ok) return;
  const port = await freePort();
  redis = await spawnRedis(port);
  app = await startTestApp({ REDIS_URL: `redis://127.0.0.1:${port}` });
  await seedCampaign(app);
}, 60_000);

afterAll(async () => {
  redis?.kill('SIGCONT');
  await app?.close();
  redis?.kill('SIGKILL');
});

describe('a Redis that is connected but answers nothing (its process stopped)', () => {
  it('given writes under the shared rate limit, then the first waits at most a quarter second for Redis and the rest do not wait on it', async (ctx) => {
    if (!ok) return ctx.skip();
    const write = (claimId: string) =>
      app!.http
        .post(`/campaigns/${CAMPAIGN.campaignId}/claims`)
        .set(asEditor)
        .send(controlClaim({ claimId, place: 'homs', time: { date: '2024-12-02' } }))
        .expect(201);
    await write('before');

    redis!.kill('SIGSTOP');
    const started = Date.now();
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = Date.now();
      await write(`stalled-${i}`);
      times.push(Date.now() - t);
    }
    // the connection still looks up: only a wait bounded by the limiter tells a stalled Redis
    console.log(`[redis stalled] 10 writes in ${Date.now() - started} ms: ${times.join(', ')} ms`);
    expect(Math.max(...times)).toBeLessThan(1000);
    expect(times.slice(1).every((ms) => ms < 200)).toBe(true);

    redis!.kill('SIGCONT');
    await write('after');
  }, 60_000);
});
