import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, startServerProcess, type ServerProcess } from '../support/server-process';
import { EVERY_TENTH, freePort, newStore, progressSteps, timeline } from './run-cli';

const ADMIN_KEY = 'a:admin:0123456789abcdef0123';
let store: string;
let server: ServerProcess;
/** The service's address as the tool reads it from the environment: PORT and HOST. */
let atService: { PORT: string; HOST: string };

beforeAll(async () => {
  ensureBuilt();
  store = newStore();
  expect((await timeline(store, ['load'])).code).toBe(0);
  server = await startServerProcess({
    STORE_URL: `sqlite:${store}`,
    LOAD_EVENTS: 'false',
    API_KEYS: `${ADMIN_KEY},e:editor:editor-key-0123456789`,
    DATA_DIR: dirname(store),
  });
  const url = new URL(server.url);
  atService = { PORT: url.port, HOST: url.hostname };
}, 120_000);

afterAll(() => server?.kill());

describe('npx timeline replay', () => {
  it('prints each hour’s changes from the service PORT and HOST name, in the campaign’s local time', async () => {
    const { code, stdout } = await timeline(
      store,
      ['replay', 'syria-2024', '--from', '2024-12-07', '--to', '2024-12-08', '--speed', '1000'],
      atService,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^replaying syria-2024 as known now from Sat 7 Dec 2024 00:00 \(\+03:00\) to Mon 9 Dec 2024 00:00 \(\+03:00\): 48 hours at 1000 h\/s/m,
    );
    expect(stdout).toMatch(/^== Sat 7 Dec 00:00 \(\+03:00\): \d+ places known$/m);
    expect(stdout).toMatch(/^-- (Sat 7|Sun 8) Dec \d\d:00 → \d\d:00 \(\+03:00\)$/m);
    expect(stdout).not.toMatch(/^-- .*\dZ/m);
    expect(stdout).toMatch(/^ {3}\+ .+ \[(day|part-of-day|hour|by|multi-day|exact)\] \(/m);
    expect(stdout).toMatch(/^ {3}= homs: /m);
    expect(stdout.trim().endsWith('== end of the record')).toBe(true);
  }, 60_000);

  it('shows the offset the campaign’s clocks had then: Syria was UTC+2 in the winter of 2017', async () => {
    const { code, stdout } = await timeline(store, [
      'replay',
      'palmyra-2017',
      '--url',
      server.url,
      '--from',
      '2017-03-01',
      '--to',
      '2017-03-01',
      '--speed',
      '1000',
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^replaying palmyra-2017 as known now from Wed 1 Mar 2017 00:00 \(\+02:00\) to Thu 2 Mar 2017 00:00 \(\+02:00\)/m,
    );
  }, 60_000);

  it('replays as reported at the time, with news of the past in local time', async () => {
    const reported = await timeline(store, [
      'replay',
      'syria-2024',
      '--url',
      server.url,
      '--from',
      '2024-12-04',
      '--to',
      '2024-12-06',
      '--speed',
      '1000',
      '--as-reported',
    ]);
    expect(reported.code).toBe(0);
    expect(reported.stdout).toMatch(/^replaying syria-2024 as reported at the time from /m);
    expect(reported.stdout).toMatch(/ — news of (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d+ Dec \d\d:\d\d \(\+03:00\)$/m);
  }, 60_000);

  it('refuses a campaign the service does not hold with exit code 2, naming the one meant', async () => {
    const refused = await timeline(store, ['replay', 'syria-2042'], atService);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('unknown campaign "syria-2042"; did you mean "syria-2024"?');
  }, 60_000);

  it('says plainly when nothing answers at the address, with exit code 1', async () => {
    const port = String(await freePort());
    const { code, stderr } = await timeline(store, ['replay', 'syria-2024'], { PORT: port, HOST: '127.0.0.1' });
    expect(code).toBe(1);
    expect(stderr).toContain(`no service answered at http://127.0.0.1:${port}`);
  }, 60_000);
});

describe('npx timeline rebuild, with a service running', () => {
  it('asks the service to rebuild with an admin key and follows it, with progress at each tenth, until it serves the new views', async () => {
    const { code, stderr } = await timeline(store, ['rebuild', '--key', ADMIN_KEY.split(':')[2]!], atService);
    expect(code).toBe(0);
    expect(stderr).toContain(`rebuilding the views of the service at ${server.url} beside the ones it serves (version 2)`);
    expect(progressSteps('rebuild', stderr)).toEqual(EVERY_TENTH);
    expect(stderr).toMatch(new RegExp(`the service at ${server.url} folded \\d+ events and now serves version 2 of its views`));
    const again = await timeline(store, ['rebuild'], { ...atService, TIMELINE_API_KEY: ADMIN_KEY.split(':')[2] });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('now serves version 3 of its views');
    const status = await fetch(`${server.url}/admin/projections`, {
      headers: { authorization: `Bearer ${ADMIN_KEY.split(':')[2]}` },
    });
    expect((await status.json()).version).toBe(3);
  }, 60_000);

  it('says the service needs an admin key when none is given, and refuses a key below admin, with exit code 2', async () => {
    const keyless = await timeline(store, ['rebuild'], { ...atService, TIMELINE_API_KEY: undefined });
    expect(keyless.code).toBe(2);
    expect(keyless.stderr).toContain(
      `a service answers at ${server.url}, so it rebuilds its own views; asking it needs an admin key`,
    );
    expect(keyless.stderr).not.toContain('folded');
    const editor = await timeline(store, ['rebuild', '--key', 'editor-key-0123456789'], atService);
    expect(editor.code).toBe(2);
    expect(editor.stderr).toContain(`the service at ${server.url} refused the key: 403`);
  }, 60_000);
});

describe('npx timeline rebuild, with no service running', () => {
  it('rebuilds the stopped store in its own process, says so, and writes the snapshot the next start resumes from', async () => {
    const stopped = newStore();
    expect((await timeline(stopped, ['load'])).code).toBe(0);
    const snapshot = join(dirname(stopped), 'views.snapshot.ndjson');
    expect(existsSync(snapshot)).toBe(false);
    const port = String(await freePort());
    const { code, stderr } = await timeline(stopped, ['rebuild'], { PORT: port, HOST: '127.0.0.1' });
    expect(code).toBe(0);
    expect(progressSteps('rebuild', stderr)).toEqual(EVERY_TENTH);
    const head = Number(/folded (\d+) events into the views of palmyra-2017/.exec(stderr)?.[1]);
    expect(stderr).toContain(
      `no service answered at http://127.0.0.1:${port} (ECONNREFUSED); rebuilt the views of the store at sqlite:${stopped} in this process; ` +
        `they are written to the snapshot file ${snapshot} (at log position ${head})`,
    );
    const next = await startServerProcess({ STORE_URL: `sqlite:${stopped}`, LOAD_EVENTS: 'false', API_KEYS: ADMIN_KEY });
    try {
      expect(next.output()).toContain(`views resumed from the snapshot at ${head}`);
    } finally {
      await next.kill();
    }
  }, 60_000);
});
