import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Timeline } from '@timeline/application';
import { SqliteEventStore } from '@timeline/store';
import { coldStart } from './cold-start.bench';
import { benchServer, viewQueries } from './http.bench';
import type { Result } from './measure';
import { heapHeld, readAndParse } from './scale.bench';

/**
 * A store of `copies` campaigns, each the generated campaign of `source` under an id of its own
 * ("synthetic" for the first, "synthetic-2" …), one after another in the log; a stream of no
 * campaign (a publisher's grades) is copied under a name of its own, assessing the publisher again. SQLite copies the
 * rows itself, with its journal off: a fixture written in minutes, not a durability test.
 */
export async function copiedCampaigns(source: string, copies: number): Promise<string> {
  const target = join(dirname(source), 'scale.db');
  await new SqliteEventStore(target).close();
  const db = new Database(target);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(`ATTACH DATABASE '${source.replaceAll("'", "''")}' AS generated`);
  const { head } = db.prepare('SELECT MAX(position) AS head FROM generated.events').get() as { head: number };
  const copy = db.prepare(`
    INSERT INTO events (position, stream, revision, event_id, type, data, metadata)
    SELECT position + @offset,
      CASE WHEN instr(stream, 'synthetic') THEN replace(stream, 'synthetic', @id) ELSE stream || '~' || @copy END, revision, substr(event_id, 1, 30) || printf('%06d', @copy), type,
      replace(data, '"synthetic', '"' || @id), replace(metadata, '"synthetic', '"' || @id)
    FROM generated.events ORDER BY position`);
  for (let i = 0; i < copies; i++) copy.run({ offset: i * head, id: i ? `synthetic-${i + 1}` : 'synthetic', copy: i });
  db.exec('DETACH DATABASE generated');
  db.pragma('journal_mode = WAL');
  db.close();
  return target;
}

/**
 * `npm run bench -- --scale`: ten million claims (ten campaigns of the generator's mix, a million
 * claims each) on this machine: the fold of the whole log beside reading and parsing it, the
 * heap holding it, a cold start from its snapshot, and a day view's p99 on the restarted service.
 */
export async function scaleRun(
  report: (r: Result) => void,
  oneCampaign: (claims: number) => Promise<string>,
  perCampaign = 1_000_000,
  copies = 10,
): Promise<void> {
  const claims = perCampaign * copies;
  const file = await copiedCampaigns(await oneCampaign(perCampaign), copies);
  console.log(`${copies} campaigns of ${perCampaign.toLocaleString('en')} claims in ${file}`);
  for (const result of await foldAndHold(file, claims, copies)) report(result);
  (globalThis as { gc?: () => void }).gc?.();

  // the service of the scale run needs the heap the views take
  const nodeArgs = process.env.SERVER_NODE_ARGS;
  process.env.SERVER_NODE_ARGS = `${nodeArgs ?? ''} --max-old-space-size=16384`;
  try {
    const cold = await coldStart(file, claims, '2024-12-10');
    report({ ...cold, name: `scale: ${cold.name}` });
    const server = await benchServer(file);
    try {
      const view = await viewQueries(server, 10, claims);
      report({ ...view, name: `scale: ${view.name}`, target: `${view.target}; p99 < 50 ms`, met: view.met && view.value < 50 });
    } finally {
      await server.kill();
    }
  } finally {
    if (nodeArgs === undefined) delete process.env.SERVER_NODE_ARGS;
    else process.env.SERVER_NODE_ARGS = nodeArgs;
  }
}

/** The fold of the whole store on a fresh start beside reading and parsing it, then the heap holding it; closing writes the snapshot. */
async function foldAndHold(file: string, claims: number, copies: number): Promise<Result[]> {
  const reference = readAndParse(file);
  const timeline = await Timeline.open(`sqlite:${file}`);
  const t0 = performance.now();
  await timeline.start({
    snapshotFile: join(dirname(file), 'views.snapshot.ndjson'),
    snapshotEvery: Infinity,
    snapshotStopBudgetMs: Infinity,
  });
  const fold = performance.now() - t0;
  const ratio = fold / reference;
  const heap = await heapHeld(file, claims, await timeline.projectionAdmin.caughtUpViews());
  await timeline.close();
  return [
    {
      name: `scale: fold of ${claims.toLocaleString('en')} claims (${copies} campaigns) on a fresh start`,
      value: fold / 1000,
      unit: 's',
      reference: `read + JSON.parse + trivial fold of the same rows, one thread (${(reference / 1000).toFixed(1)} s)`,
      referenceValue: reference / 1000,
      ratio,
      target: '≤ 1.5x',
      met: ratio <= 1.5,
    },
    { ...heap, name: `scale: ${heap.name}`, target: '< 8 GiB', met: heap.value < 8192 },
  ];
}
