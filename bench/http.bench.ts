import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type EventStore, type StreamAppend, SqliteEventStore } from '@timeline/store';
import { syntheticCampaign, syntheticAppends } from '@timeline/synthetic';
import { percentile, type Result } from './measure';
import { startServerProcess, type ServerProcess } from './server-process';

const run = promisify(execFile);
export const KEY = 'bench-editor-key-0123456789';

/** A store file holding a generated campaign of `claims` claims, written in large transactions. */
export async function generatedStore(claims: number): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'bench-http-')), 'store.db');
  const store = new SqliteEventStore(file);
  await appendGeneratedCampaign(store, claims);
  await store.close();
  return file;
}

/** Appends a generated campaign of `claims` claims (the generator is deterministic), 500 appends a call. */
export async function appendGeneratedCampaign(store: EventStore, claims: number): Promise<void> {
  let batch: StreamAppend[] = [];
  for (const append of syntheticAppends(syntheticCampaign({ claims, seed: 7 }))) {
    if (batch.some((b) => b.stream === append.stream) || batch.length === 500) {
      await store.append(batch);
      batch = [];
    }
    batch.push(append);
  }
  if (batch.length) await store.append(batch);
}

export async function benchServer(file: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return startServerProcess(
    {
      STORE_URL: `sqlite:${file}`,
      LOAD_EVENTS: 'false',
      BENCH_ROUTES: 'true',
      RATE_LIMIT_WRITES: '1000000000',
      API_KEYS: `bench:editor:${KEY}`,
      DATA_DIR: join(file, '..'),
      LOG_LEVEL: 'info',
      ...env,
    },
    600_000,
  );
}

export interface LoadResult {
  count: number;
  rate: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
}

export async function load(job: Record<string, unknown>): Promise<LoadResult> {
  const { stdout } = await run(process.execPath, [join(__dirname, 'load-http.js'), JSON.stringify(job)], { maxBuffer: 1 << 24 });
  return JSON.parse(stdout) as LoadResult;
}

/**
 * The reference's load and ours in turn, `slices` times each, merged: on a shared machine the
 * load from elsewhere drifts over seconds, and two phases run one after the other would measure
 * two different machines.
 */
export async function loadInTurn(
  reference: Record<string, unknown>,
  ours: Record<string, unknown>,
  seconds: number,
  slices = 5,
): Promise<{ reference: LoadResult; ours: LoadResult }> {
  const runs = { reference: [] as SampledLoad[], ours: [] as SampledLoad[] };
  for (let i = 0; i < slices; i++) {
    runs.reference.push((await load({ ...reference, seconds: seconds / slices, samples: true })) as SampledLoad);
    runs.ours.push((await load({ ...ours, seconds: seconds / slices, samples: true })) as SampledLoad);
  }
  return { reference: merged(runs.reference), ours: merged(runs.ours) };
}

type SampledLoad = LoadResult & { latencies: number[] };

/** Runs of one load as if they were one: counts over the time they took, percentiles over every latency. */
function merged(runs: SampledLoad[]): LoadResult {
  const latencies = runs.flatMap((r) => r.latencies);
  const seconds = runs.reduce((sum, r) => sum + (r.rate > 0 ? r.count / r.rate : 0), 0);
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [status, n] of Object.entries(r.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  return {
    count: latencies.length,
    rate: seconds > 0 ? latencies.length / seconds : 0,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    statuses,
  };
}

export const CLAIM = JSON.stringify({
  claimId: 'bench-UNIQUE',
  type: 'control',
  operation: 'north',
  time: { date: '2024-12-10', part: 'evening' },
  sources: ['source-1'],
  quote: 'On 10 December, the town was reported captured.',
  place: 'place-1',
  status: 'controlled',
  controller: 'hts',
});

/** POST /claims, one new claim each, 16 in flight, in turn with a no-op POST with the same body. */
export async function httpAppend(server: ServerProcess, seconds: number): Promise<Result> {
  const common = {
    url: server.url,
    method: 'POST',
    body: CLAIM,
    unique: 'UNIQUE',
    headers: { authorization: `Bearer ${KEY}` },
    mode: 'closed',
    concurrency: 16,
    seconds,
  };
  const { reference, ours } = await loadInTurn(
    { ...common, path: '/bench/noop' },
    { ...common, path: '/campaigns/synthetic/claims' },
    seconds,
  );
  const ratio = ours.rate / reference.rate;
  return {
    name: 'durable append over HTTP, 16 concurrent',
    value: ours.rate,
    unit: 'claims/s',
    reference: `no-op POST with the same body (${reference.rate.toFixed(0)}/s)`,
    referenceValue: reference.rate,
    ratio,
    target: '≥ 0.6x',
    met: ratio >= 0.6 && !Object.keys(ours.statuses).some((s) => s !== '201'),
    notes: `p99 ${ours.p99.toFixed(1)} ms vs ${reference.p99.toFixed(1)} ms; statuses ${JSON.stringify(ours.statuses)}`,
  };
}

/** Has the service keep its own answer to `path` (as sent for `headers`); answers its size and headers. */
async function hold(server: ServerProcess, path: string, headers: Record<string, string>) {
  const res = await fetch(`${server.url}/bench/hold`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    body: JSON.stringify({ path, headers }),
  });
  if (!res.ok) throw new Error(`POST /bench/hold answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as { bytes: number; headers: Record<string, string> };
}

/**
 * A day's control view at a fixed 1,000 requests a second from a client accepting gzip and
 * brotli, beside the same bytes served from memory by the same process at the same rate, the
 * two in turn.
 */
export async function viewQueries(server: ServerProcess, seconds: number, claims: number): Promise<Result> {
  const path = '/campaigns/synthetic/control?day=2024-12-10';
  const accepts = { 'accept-encoding': 'gzip, br' };
  const common = { url: server.url, method: 'GET', mode: 'rate', rps: 1000, seconds, headers: accepts };
  await load({ ...common, path, seconds: 1 }); // the first answer is computed and compressed once
  const json = await hold(server, path, {});
  const sent = await hold(server, path, accepts);
  // in turn: the service warms every place's timeline in the background after it starts
  const { reference, ours } = await loadInTurn({ ...common, path: '/bench/held' }, { ...common, path }, seconds);
  const ratio = ours.p99 / reference.p99;
  const share = sent.bytes / json.bytes;
  return {
    name: `view query (control for a day) at ${claims.toLocaleString('en')} claims, 1,000 req/s, gzip or br accepted`,
    value: ours.p99,
    unit: 'ms p99',
    reference: `the same ${sent.headers['content-encoding'] ?? 'identity'} bytes served from memory at the same rate (p99 ${reference.p99.toFixed(2)} ms)`,
    referenceValue: reference.p99,
    ratio,
    target: 'p99 ≤ 1.5x; bytes ≤ 15 % of the JSON',
    met: ratio <= 1.5 && share <= 0.15 && Object.keys(ours.statuses).every((s) => s === '200'),
    notes: `${sent.bytes.toLocaleString('en')} bytes sent of ${json.bytes.toLocaleString('en')} bytes of JSON (${(share * 100).toFixed(1)} %); ${ours.rate.toFixed(0)} req/s served; statuses ${JSON.stringify(ours.statuses)}`,
  };
}
