import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { SnapshotWriter, Timeline } from '@timeline/application';
import { type StreamAppend, SqliteEventStore } from '@timeline/store';
import { syntheticAppends, syntheticCampaign } from '@timeline/synthetic';
import { allAnswers } from './view-answers';

const CAMPAIGN = 'synthetic';

function storeIn(dir: string): SqliteEventStore {
  return new SqliteEventStore(join(dir, 'store.db'));
}

/** Appends in batches of up to 200 appends, a stream at most once a batch. */
async function appendAll(timeline: Timeline, appends: Iterable<StreamAppend>): Promise<void> {
  let batch: StreamAppend[] = [];
  for (const append of appends) {
    if (batch.length === 200 || batch.some((b) => b.stream === append.stream)) {
      await timeline.store.append(batch);
      batch = [];
    }
    batch.push(append);
  }
  if (batch.length) await timeline.store.append(batch);
}

function headerOf(file: string): { position: number } {
  return JSON.parse(readFileSync(file, 'utf8').split('\n', 1)[0] ?? '{}') as { position: number };
}

async function fullFold(dir: string) {
  const full = new Timeline(storeIn(dir));
  await full.start();
  const views = await full.projectionAdmin.caughtUpViews();
  return { full, answers: allAnswers(views, CAMPAIGN, undefined, 3) };
}

describe('snapshots written while the service goes on', () => {
  it('given a service taking claims with a snapshot every 1,000 events, when one was written while it folded on, then a start from that file answers as a full fold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-snap-bg-'));
    const snapshotFile = join(dir, 'views.snapshot.ndjson');
    const timeline = new Timeline(storeIn(dir));
    await timeline.start({ snapshotFile, snapshotEvery: 1_000 });
    await appendAll(timeline, syntheticAppends(syntheticCampaign({ claims: 3_000, seed: 3 })));
    await timeline.projectionAdmin.caughtUpViews();
    // the writes run between the folds: wait for one that stands inside the log, not at its end
    const head = await timeline.store.headPosition();
    const deadline = Date.now() + 20_000;
    while (!existsSync(snapshotFile) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const taken = join(dir, 'taken-while-running.ndjson');
    copyFileSync(snapshotFile, taken);
    const { position } = headerOf(taken);
    await timeline.close();

    expect(position).toBeGreaterThan(0);
    expect(position).toBeLessThanOrEqual(head);
    const resumed = new Timeline(storeIn(dir));
    const warnings: string[] = [];
    expect((await resumed.start({ snapshotFile: taken, onWarning: (m) => warnings.push(m) })).resumedFrom).toBe(position);
    expect(warnings).toEqual([]);
    const { full, answers } = await fullFold(dir);
    expect(allAnswers(await resumed.projectionAdmin.caughtUpViews(), CAMPAIGN, undefined, 3)).toEqual(answers);
    await resumed.close();
    await full.close();
  }, 120_000);

  it('given views of 10,000 claims, when a snapshot is written in the background, then the main thread is never held for long, unlike a write at once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-snap-bg-'));
    const timeline = new Timeline(storeIn(dir));
    await timeline.start();
    await appendAll(timeline, syntheticAppends(syntheticCampaign({ claims: 10_000, seed: 5 })));
    const views = await timeline.projectionAdmin.caughtUpViews();
    const writer = new SnapshotWriter(join(dir, 'views.snapshot.ndjson'), (message) => {
      throw new Error(message);
    });

    const t0 = performance.now();
    writer.writeNow(views, 'any');
    const atOnce = performance.now() - t0;

    let longest = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 1);
    const written = await writer.begin(views, 'any');
    clearInterval(ticker);

    expect(written?.position).toBe(views.position);
    expect(written?.bytes).toBeGreaterThan(1 << 20);
    // the slices are of 8 ms; the bound leaves room for a busy machine's pauses
    expect(longest).toBeLessThan(atOnce / 2);
    await timeline.close();
  }, 120_000);

  it('given a stop whose last snapshot took longer than its budget, when the views moved on since, then it keeps that snapshot and the next start folds the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-snap-bg-'));
    const snapshotFile = join(dir, 'views.snapshot.ndjson');
    const appends = [...syntheticAppends(syntheticCampaign({ claims: 1_500, seed: 9 }))];
    const timeline = new Timeline(storeIn(dir));
    // every write takes longer than a budget of 0 ms
    await timeline.start({ snapshotFile, snapshotEvery: 1_000, snapshotStopBudgetMs: 0 });
    await appendAll(timeline, appends);
    await timeline.projectionAdmin.caughtUpViews();
    const deadline = Date.now() + 20_000;
    while (!existsSync(snapshotFile) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const head = await timeline.store.headPosition();
    const closed = await timeline.close();

    expect(closed.written).toBe(false);
    expect(closed.snapshotAt).toBe(headerOf(snapshotFile).position);
    expect(closed.snapshotAt).toBeLessThan(head);
    const resumed = new Timeline(storeIn(dir));
    expect((await resumed.start({ snapshotFile })).resumedFrom).toBe(closed.snapshotAt);
    const { full, answers } = await fullFold(dir);
    expect(allAnswers(await resumed.projectionAdmin.caughtUpViews(), CAMPAIGN, undefined, 3)).toEqual(answers);
    // a budget that fits: the stop writes the views where they stand
    const again = await resumed.close();
    expect(again).toEqual({ snapshotAt: head, written: true });
    await full.close();
  }, 120_000);

  it('given a stop with a budget too short for the write, when it writes, then the write is dropped whole: no file, no temporary file, and the next start folds the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-snap-bg-'));
    const snapshotFile = join(dir, 'views.snapshot.ndjson');
    const timeline = new Timeline(storeIn(dir));
    const warnings: string[] = [];
    await timeline.start({ snapshotFile, snapshotEvery: Infinity, snapshotStopBudgetMs: 1, onWarning: (m) => warnings.push(m) });
    await appendAll(timeline, syntheticAppends(syntheticCampaign({ claims: 5_000, seed: 4 })));
    await timeline.projectionAdmin.caughtUpViews();
    const t0 = performance.now();
    const closed = await timeline.close();

    expect(closed).toEqual({ snapshotAt: undefined, written: false });
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(warnings).toEqual([expect.stringMatching(/dropped: not written by the stop's deadline/)]);
    expect(readdirSync(dir).filter((f) => f.includes('snapshot'))).toEqual([]);
    const again = new Timeline(storeIn(dir));
    expect((await again.start({ snapshotFile })).resumedFrom).toBe(0);
    await again.close();
  }, 120_000);

  it('given temporary files that killed writers left beside the snapshot, when the service starts, then those of processes no longer running are removed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-snap-bg-'));
    const snapshotFile = join(dir, 'views.snapshot.ndjson');
    // above the largest pid Linux hands out (2^22): no process runs with it; the test runner's parent does run
    const gone = 2 ** 22 + 1;
    const alive = process.ppid;
    writeFileSync(`${snapshotFile}.${gone}.tmp`, 'cut short');
    writeFileSync(`${snapshotFile}.${alive}.tmp`, 'being written');
    writeFileSync(join(dir, 'notes.1.tmp'), 'not a snapshot');
    const timeline = new Timeline(storeIn(dir));
    await timeline.start({ snapshotFile });
    await timeline.close();

    expect(
      readdirSync(dir)
        .filter((f) => f.endsWith('.tmp'))
        .sort(),
    ).toEqual([`views.snapshot.ndjson.${alive}.tmp`, 'notes.1.tmp'].sort());
  }, 60_000);
});
