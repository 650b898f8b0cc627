import { existsSync, mkdtempSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS } from '../support/app';
import { CAMPAIGN, seedCampaignAt } from '../support/fixtures';
import { ensureBuilt, startServerProcess, type ServerProcess } from '../support/server-process';

let server: ServerProcess | undefined;
beforeAll(() => ensureBuilt(), 120_000);
afterAll(async () => server?.kill('SIGKILL'));

describe('a clean stop', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'given a running service with folded views, when sent %s, then it writes the snapshot, folds the WAL back and exits with 0',
    async (signal) => {
      const dir = mkdtempSync(join(tmpdir(), 'timeline-stop-'));
      const file = join(dir, 'store.db');
      server = await startServerProcess({
        STORE_URL: `sqlite:${file}`,
        LOAD_EVENTS: 'false',
        API_KEYS: `admin:admin:${KEYS.admin},editor:editor:${KEYS.editor}`,
        DATA_DIR: dir,
      });
      await seedCampaignAt(request(server.url));
      await request(server.url).get(`/campaigns/${CAMPAIGN.campaignId}/control/days`).expect(200);
      const snapshot = join(dir, 'views.snapshot.ndjson');
      expect(existsSync(snapshot)).toBe(false);
      expect(existsSync(`${file}-wal`)).toBe(true);

      await server.kill(signal);
      expect(server.child.exitCode).toBe(0);
      expect(server.output()).toContain(`${signal}: stopping`);
      expect(existsSync(snapshot)).toBe(true);
      const header = JSON.parse(readFileSync(snapshot, 'utf8').split('\n')[0] ?? '{}') as { kind?: string; position?: number };
      expect(header.kind).toBe('header');
      expect(header.position).toBeGreaterThan(0);
      expect(existsSync(`${file}-wal`)).toBe(false);

      // the next start resumes from the snapshot rather than refolding the log
      server = await startServerProcess({
        STORE_URL: `sqlite:${file}`,
        LOAD_EVENTS: 'false',
        API_KEYS: `admin:admin:${KEYS.admin}`,
        DATA_DIR: dir,
      });
      expect(server.output()).toContain(`views resumed from the snapshot at ${header.position}`);
      await server.kill('SIGTERM');
    },
    60_000,
  );

  it('given a snapshot cut short while the service was down, when it starts, then it logs a warning naming the file and folds the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-stop-'));
    const env = {
      STORE_URL: `sqlite:${join(dir, 'store.db')}`,
      LOAD_EVENTS: 'false',
      API_KEYS: `admin:admin:${KEYS.admin},editor:editor:${KEYS.editor}`,
      DATA_DIR: dir,
    };
    server = await startServerProcess(env);
    await seedCampaignAt(request(server.url));
    const before = await request(server.url).get(`/campaigns/${CAMPAIGN.campaignId}/control/days`).expect(200);
    await server.kill('SIGTERM');
    const snapshot = join(dir, 'views.snapshot.ndjson');
    truncateSync(snapshot, statSync(snapshot).size - 20);

    server = await startServerProcess(env);
    const warning = server
      .output()
      .split('\n')
      .find((line) => line.includes(`snapshot ${snapshot} not used`));
    expect(warning).toContain('WARN');
    expect(warning).toContain('the log is folded from the start: it ends inside a line');
    expect(server.output()).not.toContain('views resumed from the snapshot');
    const after = await request(server.url).get(`/campaigns/${CAMPAIGN.campaignId}/control/days`).expect(200);
    expect(after.body).toEqual(before.body);
    await server.kill('SIGTERM');
  }, 60_000);
});
