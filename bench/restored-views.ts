import { performance } from 'node:perf_hooks';
import { Timeline } from '@timeline/application';
import type { CampaignLedger, TimelineViews } from '@timeline/views';

export interface RestoredViews {
  timeline: Timeline;
  views: TimelineViews;
  ledger: CampaignLedger;
  /** Milliseconds from opening the store to views caught up. */
  restoredMs: number;
  resumedFrom: number;
  day: string;
  /** A full collection, as `--expose-gc` gives it. */
  gc: () => void;
}

/**
 * The views of a store restored from its snapshot, as a restart restores them, for the scripts
 * that measure what comes after: `<store.db> <snapshot> [campaign] [day]` from the command line of
 * `script`. Throws when node lacks `--expose-gc` or the snapshot was not used. No snapshot is
 * written while measuring, nor at the close.
 */
export async function restoredViews(script: string): Promise<RestoredViews> {
  const [file, snapshotFile, campaignId = 'synthetic', day = '2024-12-10'] = process.argv.slice(2);
  if (!file || !snapshotFile)
    throw new Error(`usage: node --expose-gc dist/bench/${script}.js <store.db> <snapshot> [campaign] [day]`);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run node with --expose-gc');
  const t0 = performance.now();
  const timeline = await Timeline.open(`sqlite:${file}`);
  const { resumedFrom } = await timeline.start({ snapshotFile, snapshotEvery: Number.MAX_SAFE_INTEGER, snapshotStopBudgetMs: 0 });
  const views = await timeline.projectionAdmin.caughtUpViews();
  const restoredMs = performance.now() - t0;
  if (resumedFrom === 0) throw new Error(`${snapshotFile} was not used: the log was folded from the start`);
  const ledger = views.ledger(campaignId);
  if (!ledger) throw new Error(`no campaign ${campaignId} in ${file}`);
  return { timeline, views, ledger, restoredMs, resumedFrom, day, gc };
}
