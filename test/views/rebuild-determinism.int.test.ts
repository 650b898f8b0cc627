import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCampaigns, Timeline } from '@timeline/application';
import { upcast } from '@timeline/domain';
import { MemoryEventStore, type EventStore } from '@timeline/store';
import { syntheticCampaign, syntheticAppends } from '@timeline/synthetic';
import { TimelineViews } from '@timeline/views';
import { allAnswers } from './view-answers';

async function foldFresh(store: EventStore): Promise<TimelineViews> {
  const views = new TimelineViews();
  for (let after = 0; ;) {
    const page = await store.readAll(after, 10_000);
    page.forEach((e) => views.apply(upcast(e)));
    const last = page.at(-1);
    if (page.length < 10_000 || !last) return views;
    after = last.position;
  }
}

describe('views are a deterministic fold of the log', () => {
  it('on the seed campaigns: live projections, a rebuild and two fresh folds give identical answers', async () => {
    const timeline = new Timeline(new MemoryEventStore());
    await timeline.start();
    const report = await loadCampaigns(timeline, join(__dirname, '../../events'));
    expect(report.problems).toEqual([]);
    const views = await timeline.projectionAdmin.caughtUpViews();
    for (const campaignId of ['syria-2024', 'palmyra-2017']) {
      const live = allAnswers(views, campaignId);
      expect(live.control.some((v) => v.places.length > 0)).toBe(true);
      const first = allAnswers(await foldFresh(timeline.store), campaignId);
      const second = allAnswers(await foldFresh(timeline.store), campaignId);
      expect(first).toEqual(live);
      expect(second).toEqual(first);
    }
    const before = allAnswers(views, 'syria-2024');
    const job = await timeline.projectionAdmin.rebuildNow();
    expect(job).toMatchObject({ state: 'done', version: 2 });
    expect((await timeline.projectionAdmin.status()).version).toBe(2);
    const rebuilt = await timeline.projectionAdmin.caughtUpViews();
    expect(rebuilt).not.toBe(views);
    expect(allAnswers(rebuilt, 'syria-2024')).toEqual(before);
    await timeline.close();
  });

  it('on a generated campaign of 100,000 claims: a rebuild from zero equals the live fold', async () => {
    const store = new MemoryEventStore();
    const synthetic = syntheticCampaign({ claims: 100_000, seed: 7 });
    let appends = 0;
    for (const append of syntheticAppends(synthetic)) {
      await store.append([append]);
      appends++;
    }
    expect(appends).toBeGreaterThan(100_000);
    const timeline = new Timeline(store);
    await timeline.start();
    const served = await timeline.projectionAdmin.caughtUpViews();
    const live = allAnswers(served, 'synthetic', undefined, 3);
    expect(live.control.at(-1)?.places.length).toBeGreaterThan(100);
    await timeline.projectionAdmin.rebuildNow();
    const rebuilt = await timeline.projectionAdmin.caughtUpViews();
    expect(rebuilt).not.toBe(served);
    expect(allAnswers(rebuilt, 'synthetic', undefined, 3)).toEqual(live);
    const fresh = allAnswers(await foldFresh(store), 'synthetic', undefined, 3);
    expect(fresh).toEqual(live);
    await timeline.close();
  }, 240_000);
});
