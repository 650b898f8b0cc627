import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem, type as osType } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { expensiveReadsHammered } from './expensive-reads.bench';
import { acrossInstances, privateReplays, sharedRoomFanOut } from './fanout.bench';
import { benchServer, generatedStore, httpAppend, viewQueries } from './http.bench';
import { line, type Result } from './measure';
import { coldStart } from './cold-start.bench';
import { peers } from './peers.bench';
import { postgresLines } from './postgres.bench';
import { POSTGRES_SERVER } from './postgres-database';
import { auditQuery, heapHeld, rebuild, reportedDayView } from './scale.bench';
import { scaleRun } from './scale-mode';
import { ROOT } from './server-process';
import { batchedAppend, singleAppend } from './store.bench';

/**
 * `npm run bench` measures the targets of the product, each as a ratio to a reference run beside
 * it in the same run on the same machine. `--quick` runs a small version (under a minute) to keep
 * the harness working; its figures are not meant to be judged.
 */
const USAGE = `usage: npm run bench [-- --quick] [-- --only=sockets|peers|store|views|postgres] [-- --scale] [-- --store=<file>]
  a full run takes tens of minutes and rewrites bench/results.json and BENCHMARKS.md`;

async function main() {
  const args = process.argv.slice(2);
  if (args.includes('--help')) return console.log(USAGE);
  // a run rewrites the results: a mistyped flag stops here rather than start a run of tens of minutes
  const unknown = args.filter((a) => !['--quick', '--scale'].includes(a) && !/^--(only|store)=./.test(a));
  if (unknown.length) throw new Error(`unknown argument ${unknown.join(' ')}\n${USAGE}`);
  const quick = args.includes('--quick');
  // `--only=sockets`, `--only=peers`, `--only=store` (the appends), `--only=views` (the million
  // claims: rebuild, heap, queries, cold start, hammering) or `--only=postgres` runs those alone, `--scale` the ten-million-claim run alone; either merges its results into the last ones
  const only = process.argv.includes('--scale')
    ? 'scale'
    : process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (only !== undefined && !['sockets', 'peers', 'store', 'views', 'postgres', 'scale'].includes(only))
    throw new Error(
      `--only=${only}: expected --only=sockets, --only=peers, --only=store, --only=views or --only=postgres (or --scale)`,
    );
  const size = quick
    ? {
        appends: 300,
        batches: 20,
        claims: 10_000,
        seconds: 2,
        audits: 50,
        fanOut: 200,
        privateReplays: 50,
        viewers: 40,
        window: { from: '2024-12-01', to: '2024-12-02' },
        peers: { singles: 50, batches: 5, perAppender: 4, seconds: 5 },
        postgres: { appends: 100, batches: 5, claims: 10_000 },
      }
    : {
        appends: 5000,
        batches: 200,
        claims: 1_000_000,
        seconds: 15,
        audits: 500,
        fanOut: 2000,
        privateReplays: 500,
        viewers: 400,
        window: { from: '2024-12-01', to: '2024-12-08' },
        peers: { singles: 2000, batches: 100, perAppender: 125, seconds: 30 },
        postgres: { appends: 5000, batches: 200, claims: 1_000_000 },
      };
  console.log(
    `benchmarks${quick ? ' (quick: figures not judged)' : ''} on ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  );
  const command = `npm run build && npm run bench${quick ? ' -- --quick' : ''}`;
  const flag = only === 'scale' ? '--scale' : `--only=${only}`;
  const results: Result[] = [];
  const write = resultsWriter(quick, only, only ? `${command} -- ${flag}` : command, command);
  // each line is written as soon as it is measured: a long run cut short keeps what it measured
  const report = (r: Result) => {
    results.push({ ...r, measuredAt: new Date().toISOString() });
    console.log(line(r));
    write(results);
  };

  if (only === 'scale') await scaleRun(report, campaignStore, quick ? 10_000 : 1_000_000, quick ? 3 : 10);
  if (!only || only === 'store') await storeAppends(size, report);
  if (!only || only === 'views') await viewsAtScale(size, report, quick);
  if (!only || only === 'postgres') await postgresLines(size.postgres, POSTGRES_SERVER, report);
  if (!only || only === 'peers') await peers(size.peers, POSTGRES_SERVER, report);
  if (!only || only === 'sockets') await sockets(size, report);

  console.log(`${results.filter((r) => r.met).length} of ${results.length} targets met`);
}

/**
 * Writes the lines measured so far into bench/results.json (and BENCHMARKS.md): beside the other
 * lines of the last results when the run makes only some, beside the last scale run's lines when
 * it is a full run (which does not make them).
 */
function resultsWriter(quick: boolean, only: string | undefined, command: string, wholeRun: string): (results: Result[]) => void {
  const machine = thisMachine();
  const file = join(ROOT, 'bench', quick ? 'results.quick.json' : 'results.json');
  const last = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { at: string; command: string; results: Result[] })
    : undefined;
  const at = new Date().toISOString();
  return (results) => {
    const measured = results.map((r) => ({ ...r, command }));
    const kept = (last?.results ?? [])
      .filter((r) => (only || r.name.startsWith('scale:')) && !measured.some((m) => m.name === r.name))
      .map((r) => ({ measuredAt: last!.at, command: last!.command, ...r }));
    const all = [...kept, ...measured];
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(file, `${JSON.stringify({ at, quick, machine, command, results: all }, null, 2)}\n`);
    if (!quick) writeFileSync(join(ROOT, 'BENCHMARKS.md'), markdown(all, machine, wholeRun));
  };
}

async function sockets(
  size: { fanOut: number; privateReplays: number; viewers: number; window: { from: string; to: string } },
  report: (r: Result) => void,
): Promise<void> {
  report(await sharedRoomFanOut(size.fanOut, size.window));
  report(await privateReplays(size.privateReplays, size.window));
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await redisAnswers(redisUrl)) report(await acrossInstances(size.viewers, size.window, redisUrl));
  else console.log(`across instances: SKIPPED, no Redis at ${redisUrl} (set REDIS_URL)`);
}

interface Size {
  appends: number;
  batches: number;
  claims: number;
  seconds: number;
  audits: number;
}

/** The durable appends through the store API, single and batched, each beside its raw insert. */
async function storeAppends(size: Size, report: (r: Result) => void): Promise<void> {
  report(await singleAppend(size.appends));
  report(await batchedAppend(size.batches));
}

/** A generated campaign's views: rebuild, heap, audit, reported view, HTTP queries and appends, cold start, hammering. */
async function viewsAtScale(size: Size, report: (r: Result) => void, quick: boolean): Promise<void> {
  const file = await campaignStore(size.claims);
  const { result, timeline } = await rebuild(file, size.claims);
  report(result);
  const views = await timeline.projectionAdmin.caughtUpViews();
  report(await heapHeld(file, size.claims, views));
  report(auditQuery(views, size.claims, size.audits));
  report(reportedDayView(views, size.claims, quick ? 3 : 10));
  await timeline.close();

  const server = await benchServer(file);
  try {
    report(await viewQueries(server, size.seconds, size.claims));
    report(await httpAppend(server, size.seconds));
  } finally {
    await server.kill();
  }
  // the stop above wrote the snapshot the restart resumes from
  report(await coldStart(file, size.claims, '2024-12-10'));
  await expensiveReads(Math.min(size.claims, 20_000), size.seconds, report);
}

/**
 * Anonymous clients hammering views of the past and exports while writes and a day's map go on,
 * on a campaign of its own of 20,000 claims: at a million, one export takes minutes, and the
 * hammering clients would wait on answers long after the measured seconds.
 */
async function expensiveReads(claims: number, seconds: number, report: (r: Result) => void): Promise<void> {
  const server = await benchServer(await generatedStore(claims));
  try {
    const hammering = { clients: 8, seconds, day: '2024-12-10', knownAt: Math.floor(claims / 2) };
    for (const result of await expensiveReadsHammered(server, hammering)) report(result);
  } finally {
    await server.kill();
  }
}

/**
 * The store of generated claims the run measures on: made afresh (minutes at a million), or a copy
 * of the one `--store=<file>` names, which an earlier run made with the same size (the generator
 * is deterministic) and left in its temporary folder.
 */
async function campaignStore(claims: number): Promise<string> {
  const given = process.argv.find((a) => a.startsWith('--store='))?.slice('--store='.length);
  if (!given) {
    console.log(`generating a campaign of ${claims.toLocaleString('en')} claims…`);
    return generatedStore(claims);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'bench-http-')), 'store.db');
  copyFileSync(given, file);
  console.log(`a campaign of ${claims.toLocaleString('en')} claims copied from ${given}`);
  return file;
}

async function redisAnswers(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** What the figures were measured on, written beside them. */
function thisMachine() {
  return {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: osType(),
    node: process.version,
  };
}

function markdown(results: Result[], machine: ReturnType<typeof thisMachine>, command: string): string {
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${r.value.toFixed(r.value >= 100 ? 0 : 2)} ${r.unit} | ${r.reference} | ${r.ratio.toFixed(2)}x | ${r.target} | ${r.met ? 'met' : '**missed**'} | ${r.notes ?? ''} | ${r.measuredAt ? `${r.measuredAt.slice(0, 16).replace('T', ' ')} (\`${r.command}\`)` : ''} |`,
  );
  return `# Benchmarks

Every figure is a ratio to a reference measured beside it, in the same run on the same machine
(figures of the same code differ from run to run: absolute numbers alone prove nothing).

- Machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}
- Reproduce: \`${command}\`; each line names the command that measured it (results also in \`bench/results.json\`)

| what | value | reference | ratio | target | | notes | measured |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
${limits()}`;
}

/** What limits each line that misses its target, read from profiles: kept by hand in bench/limits.md. */
function limits(): string {
  const file = join(ROOT, 'bench', 'limits.md');
  return existsSync(file) ? `\n${readFileSync(file, 'utf8')}` : '';
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
