import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { Timeline } from '@timeline/application';
import { configFromEnv } from '@timeline/config';
import { describeStoreUrl } from '@timeline/store';
import { Progress } from '../progress';

/**
 * With no service running, the rebuild is this process's: it folds the store's whole log, then
 * writes the views to the snapshot file the service reads at its next start, so the fold is not lost.
 */
export async function rebuildHere(url: string, why: string): Promise<number> {
  const config = configFromEnv();
  const timeline = await Timeline.open(config.storeUrl);
  const progress = new Progress('rebuild');
  let kept: string;
  try {
    const { head, campaigns } = await timeline.projectionAdmin.foldLog((position, total) => progress.update(position, total));
    const folded = campaigns.map((c) => `${c.campaignId} (${c.claims} claims)`);
    progress.done(`folded ${head} events into the views of ${folded.join(', ') || 'no campaign'}`);
    kept = await keepViews(timeline, config.viewsSnapshotFile, config.dataDir);
  } finally {
    await timeline.close();
  }
  process.stderr.write(
    `no service answered at ${url} (${why}); rebuilt the views of the store at ${describeStoreUrl(config.storeUrl)} in this process; ${kept}\n`,
  );
  return 0;
}

/**
 * Writes the folded views where the service looks for them. The application writes a snapshot
 * when a started timeline closes; starting from a file that does not exist yet keeps it from
 * restoring the old snapshot over the views just folded. The new file then replaces the old at once.
 */
async function keepViews(timeline: Timeline, snapshotFile: string, dataDir: string): Promise<string> {
  if (!timeline.store.keepsEvents)
    return 'the memory store keeps nothing, so the fold only checked the log: a service folds it again when it starts';
  mkdirSync(dataDir, { recursive: true });
  const written = `${snapshotFile}.rebuild`;
  rmSync(written, { force: true });
  await timeline.start({ snapshotFile: written, snapshotEvery: Number.MAX_SAFE_INTEGER, snapshotStopBudgetMs: Infinity });
  const { snapshotAt } = await timeline.close();
  if (snapshotAt === undefined) return 'the log is empty: there are no views to write, and a service starts from nothing';
  renameSync(written, snapshotFile);
  return `they are written to the snapshot file ${snapshotFile} (at log position ${snapshotAt}), which the service reads at its next start instead of folding the log again`;
}
