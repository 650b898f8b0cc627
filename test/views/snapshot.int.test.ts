import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCampaigns, Timeline } from '@timeline/application';
import { MemoryEventStore, SqliteEventStore } from '@timeline/store';
import { syntheticAppends, syntheticCampaign } from '@timeline/synthetic';
import { controlClaim } from '../support/fixtures';
import { allAnswers } from './view-answers';

const EVENTS = join(__dirname, '../../events');

describe('view snapshots', () => {
  it('resume after a restart from the checkpoint, fold only what came after, and answer as a full fold does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-snap-'));
    const file = join(dir, 'store.db');
    const snapshotFile = join(dir, 'views.snapshot.ndjson');

    const first = new Timeline(new SqliteEventStore(file));
    expect((await first.start({ snapshotFile })).resumedFrom).toBe(0);
    expect((await loadCampaigns(first, EVENTS)).problems).toEqual([]);
    await first.projectionAdmin.caughtUpViews();
    const head = await first.store.headPosition();
    await first.close(); // writes the snapshot

    // a write while the service is down, by another process on the same file
    const other = new Timeline(new SqliteEventStore(file));
    await other.start();
    await other.claims.record(
      'syria-2024',
      controlClaim({
        claimId: 'after-snapshot',
        operation: 'homs',
        place: 'homs',
        controller: 'hts',
        time: { date: '2024-12-20' },
        sources: ['wikipedia-homs-offensive-2024'],
      }),
      { actor: 't', correlationId: 't', now: new Date() },
    );
    await other.close();

    const resumed = new Timeline(new SqliteEventStore(file));
    let folded = 0;
    // every event after the snapshot is a claim's, so the live feed sees each one folded
    resumed.liveFeed.onRecorded(() => (folded += 1));
    const warnings: string[] = [];
    expect((await resumed.start({ snapshotFile, onWarning: (m) => warnings.push(m) })).resumedFrom).toBe(head);
    expect(warnings).toEqual([]);
    expect(folded).toBe(1);
    const full = new Timeline(new SqliteEventStore(file));
    await full.start();
    const resumedViews = await resumed.projectionAdmin.caughtUpViews();
    const fullViews = await full.projectionAdmin.caughtUpViews();
    for (const campaignId of ['syria-2024', 'palmyra-2017']) {
      expect(allAnswers(resumedViews, campaignId)).toEqual(allAnswers(fullViews, campaignId));
    }
    expect(resumedViews.ledger('syria-2024')!.claims.has('after-snapshot')).toBe(true);
    expect((await resumed.catalogQueries.campaigns()).map((c) => c.campaignId).sort()).toEqual(['palmyra-2017', 'syria-2024']);
    await resumed.close();
    await full.close();
  }, 60_000);

  it('is ignored, with a warning, when it was taken of another store, and the log is folded from the start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-snap-'));
    const snapshotFile = join(dir, 'views.snapshot.ndjson');
    const other = new Timeline(new MemoryEventStore());
    await other.start({ snapshotFile });
    for (const append of syntheticAppends(syntheticCampaign({ claims: 20 }))) await other.store.append([append]);
    await other.projectionAdmin.caughtUpViews();
    await other.close(); // writes a whole snapshot, of a log this store does not hold
    const timeline = new Timeline(new SqliteEventStore(join(dir, 'store.db')));
    await timeline.start();
    await loadCampaigns(timeline, EVENTS);
    await timeline.close();
    const again = new Timeline(new SqliteEventStore(join(dir, 'store.db')));
    const warnings: string[] = [];
    expect((await again.start({ snapshotFile, onWarning: (m) => warnings.push(m) })).resumedFrom).toBe(0);
    expect(warnings).toEqual([
      expect.stringMatching(/^snapshot .*views\.snapshot\.ndjson not used.*the store does not hold its event/),
    ]);
    expect((await again.projectionAdmin.caughtUpViews()).ledger('syria-2024')!.claims.size).toBeGreaterThan(400);
    await again.close();
  }, 60_000);
});
