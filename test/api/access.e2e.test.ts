import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, asEditor, startTestApp, type TestApp } from '../support/app';
import { CAMPAIGN } from '../support/fixtures';
import { ROUTES } from '../../apps/api/src/docs/api-routes';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

const writes = ROUTES.filter((r) => r.role);
const path = (p: string) => p.replace('{c}', CAMPAIGN.campaignId).replace(/\{\w+\}/g, 'x');

describe('who may write', () => {
  it.each(writes.map((r) => [r.method.toUpperCase(), r.path, r]))('%s %s without a key is 401', async (_m, _p, route) => {
    const res = await app.http[route.method](path(route.path)).send({});
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it.each(writes.map((r) => [r.method.toUpperCase(), r.path, r]))('%s %s with an unknown key is 401', async (_m, _p, route) => {
    expect(
      (await app.http[route.method](path(route.path)).set('Authorization', 'Bearer not-a-key-at-all-000').send({})).status,
    ).toBe(401);
  });

  it.each(writes.filter((r) => r.role === 'admin').map((r) => [r.method.toUpperCase(), r.path, r]))(
    '%s %s with an editor key is 403',
    async (_m, _p, route) => {
      const res = await app.http[route.method](path(route.path)).set(asEditor).send({});
      expect(res.status).toBe(403);
      expect(res.body.detail).toMatch(/admin/);
    },
  );

  it('reads are open', async () => {
    await app.http.get('/campaigns').expect(200);
    await app.http.get('/health').expect(200);
  });
});

describe('signing in', () => {
  it('given a key, when its holder asks who they are, then the service names the key and its role', async () => {
    expect((await app.http.get('/me').set(asEditor).expect(200)).body).toEqual({ name: 'editor', role: 'editor' });
    expect((await app.http.get('/me').set(asAdmin).expect(200)).body).toEqual({ name: 'admin', role: 'admin' });
  });
});

describe('development key', () => {
  it('is made once when API_KEYS is unset, kept hashed in the data folder, and admits admin writes', async () => {
    const lines: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    const capture = (chunk: unknown) => (lines.push(String(chunk)), true);
    process.stdout.write = capture;
    process.stderr.write = capture;
    let dev: TestApp;
    try {
      dev = await startTestApp({ API_KEYS: '', LOG_LEVEL: 'warn' });
    } finally {
      process.stderr.write = original;
      process.stdout.write = original;
    }
    try {
      const key = /(dev-[A-Za-z0-9_-]{20,})/.exec(lines.join(''))?.[1];
      expect(key).toBeDefined();
      const stored = readFileSync(join(dev!.dataDir, 'dev-api-key.sha256'), 'utf8');
      expect(stored).not.toContain(key!);
      expect(stored.trim()).toMatch(/^[0-9a-f]{64}$/);
      await dev!.http.post('/campaigns').set('Authorization', `Bearer ${key}`).send(CAMPAIGN).expect(201);
    } finally {
      await dev!.close();
    }
  });
});
