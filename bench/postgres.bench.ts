import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Timeline } from '@timeline/application';
import { openEventStore, type EventStore, type StreamAppend } from '@timeline/store';
import { appendGeneratedCampaign } from './http.bench';
import { percentile, timedSideBySide, type Result } from './measure';
import { benchDatabase, type BenchDatabase } from './postgres-database';
import { claimAppends } from './store.bench';

export interface PostgresSize {
  appends: number;
  batches: number;
  claims: number;
}

/** The lines this file measures, named when they cannot be. */
const LINES = [
  'durable single append, PostgreSQL (store API)',
  'batched append, 100 claims a call, PostgreSQL (store API)',
  'rebuild of the views from PostgreSQL',
];

/**
 * The service's PostgreSQL store beside raw `pg` on the same server, each line in a database of
 * its own made for it and dropped after. Without a server the lines are reported as not measured,
 * unless REQUIRE_POSTGRES=1, when that fails the run.
 */
export async function postgresLines(size: PostgresSize, serverUrl: string, report: (r: Result) => void): Promise<void> {
  const tag = `${process.pid}`;
  let database: BenchDatabase;
  try {
    database = await benchDatabase(serverUrl, `bench_pg_appends_${tag}`);
  } catch (error) {
    if (process.env.REQUIRE_POSTGRES === '1') throw error;
    const why = (error as Error).message.split('\n')[0];
    console.log(`${LINES.join('; ')}: NOT MEASURED, ${why} (REQUIRE_POSTGRES=1 makes this a failure)`);
    return;
  }
  try {
    const appends = await appendPair(database);
    try {
      report(await singleAppend(appends, size.appends));
      report(await batchedAppend(appends, size.batches));
    } finally {
      await appends.close();
    }
  } finally {
    await database.drop();
  }
  const rebuildDatabase = await benchDatabase(serverUrl, `bench_pg_rebuild_${tag}`);
  try {
    report(await rebuild(rebuildDatabase, size.claims));
  } finally {
    await rebuildDatabase.drop();
  }
}

/** Our store and a raw pool on one database, the raw rows in a table shaped and indexed as the store's. */
interface AppendPair {
  store: EventStore;
  raw: pg.Pool;
  durability: string;
  close(): Promise<void>;
}

async function appendPair(database: BenchDatabase): Promise<AppendPair> {
  const store = await openEventStore(database.url);
  const raw = new pg.Pool({ connectionString: database.url });
  await raw.query(
    `CREATE TABLE raw_events (
       position bigserial PRIMARY KEY, stream text NOT NULL, revision integer NOT NULL, event_id text NOT NULL,
       type text NOT NULL, data json NOT NULL, metadata json NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(),
       UNIQUE (stream, revision))`,
  );
  const durability = `synchronous_commit=${await database.show('synchronous_commit')}, fsync=${await database.show('fsync')} (SHOW), the server's settings for ours and raw alike`;
  return {
    store,
    raw,
    durability,
    close: async () => {
      await store.close();
      await raw.end();
    },
  };
}

/** The rows of appends as columns, in one INSERT of their own: the physical work alone, one commit. */
async function insertRaw(raw: pg.Pool, appends: StreamAppend[]): Promise<void> {
  const events = appends.flatMap((append) => append.events.map((e) => ({ stream: append.stream, ...e })));
  await raw.query(
    `INSERT INTO raw_events (stream, revision, event_id, type, data, metadata)
     SELECT * FROM unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::json[], $6::json[])`,
    [
      events.map((e) => e.stream),
      events.map(() => 0),
      events.map((e) => e.eventId),
      events.map((e) => e.type),
      events.map((e) => JSON.stringify(e.data)),
      events.map((e) => JSON.stringify(e.metadata)),
    ],
  );
}

/** One claim per call through the store API, call by call in turn with a raw one-row INSERT of the same row. */
async function singleAppend(pair: AppendPair, n: number): Promise<Result> {
  const { reference, ours } = await timedSideBySide(
    { items: claimAppends(n, 'r'), f: (append) => insertRaw(pair.raw, [append]) },
    { items: claimAppends(n, 'o'), f: (append) => pair.store.append([append]) },
  );
  const ratio = ours.rate / reference.rate;
  const p99 = percentile(ours.latencies, 99);
  const refP99 = percentile(reference.latencies, 99);
  return {
    name: 'durable single append, PostgreSQL (store API)',
    value: ours.rate,
    unit: 'appends/s',
    reference: `raw pg INSERT of the same row, its own transaction (${reference.rate.toFixed(0)}/s)`,
    referenceValue: reference.rate,
    ratio,
    target: '≥ 0.8x; p99 ≤ reference p99 + 1 ms',
    met: ratio >= 0.8 && p99 <= refP99 + 1,
    notes: `p99 ${p99.toFixed(3)} ms vs ${refP99.toFixed(3)} ms; ${n} each; ${pair.durability}`,
  };
}

/** 100 claims per call through the store API, call by call in turn with a raw 100-row INSERT of the same rows. */
async function batchedAppend(pair: AppendPair, batches: number): Promise<Result> {
  const { reference, ours } = await timedSideBySide(
    {
      items: Array.from({ length: batches }, (_, b) => claimAppends(100, `r${b}-`)),
      f: (batch) => insertRaw(pair.raw, batch),
    },
    { items: Array.from({ length: batches }, (_, b) => claimAppends(100, `o${b}-`)), f: (batch) => pair.store.append(batch) },
  );
  const ratio = ours.rate / reference.rate;
  return {
    name: 'batched append, 100 claims a call, PostgreSQL (store API)',
    value: ours.rate * 100,
    unit: 'claims/s',
    reference: `raw pg 100-row INSERT of the same rows, one transaction (${(reference.rate * 100).toFixed(0)} rows/s)`,
    referenceValue: reference.rate * 100,
    ratio,
    target: '≥ 0.8x',
    met: ratio >= 0.8,
    notes: `${batches} calls each; p99 ${percentile(ours.latencies, 99).toFixed(2)} ms vs ${percentile(reference.latencies, 99).toFixed(2)} ms; ${pair.durability}`,
  };
}

/** Rows a page of the reference's read holds: the store reads its log in pages of the same size. */
const PAGE = 5000;

/** Reading the store's rows from PostgreSQL page by page, parsing and trivially folding them, on one thread (ms). */
async function readAndParse(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const r0 = performance.now();
  const counts = new Map<string, number>();
  let after = '0';
  for (;;) {
    const { rows } = await client.query<{ position: string; type: string; data: string; metadata: string }>(
      'SELECT position, type, data::text AS data, metadata::text AS metadata FROM events WHERE position > $1 ORDER BY position LIMIT $2',
      [after, PAGE],
    );
    for (const row of rows) {
      JSON.parse(row.metadata);
      const data = JSON.parse(row.data) as { campaignId?: string };
      counts.set(row.type, (counts.get(row.type) ?? 0) + (data.campaignId ? 1 : 0));
    }
    if (rows.length < PAGE) break;
    after = rows.at(-1)!.position;
  }
  const reference = performance.now() - r0;
  await client.end();
  return reference;
}

/** Folding a generated campaign held in PostgreSQL into every view, beside reading and parsing the same rows. */
async function rebuild(database: BenchDatabase, claims: number): Promise<Result> {
  const store = await openEventStore(database.url);
  const g0 = performance.now();
  await appendGeneratedCampaign(store, claims);
  const events = await store.headPosition();
  await store.close();
  const generated = (performance.now() - g0) / 1000;
  const reference = await readAndParse(database.url);
  const timeline = await Timeline.open(database.url);
  let ours: number;
  try {
    await timeline.projectionAdmin.caughtUpViews();
    const t0 = performance.now();
    await timeline.projectionAdmin.rebuildNow();
    ours = performance.now() - t0;
  } finally {
    await timeline.close();
  }
  const ratio = ours / reference;
  return {
    name: `rebuild of the views from PostgreSQL, ${claims.toLocaleString('en')} claims`,
    value: ours / 1000,
    unit: 's',
    reference: `read + JSON.parse + trivial fold of the same rows from PostgreSQL, pages of ${PAGE}, one thread (${(reference / 1000).toFixed(2)} s)`,
    referenceValue: reference / 1000,
    ratio,
    target: '≤ 1.5x (both cores may be used)',
    met: ratio <= 1.5,
    notes: `${events.toLocaleString('en')} events, written through the store in ${generated.toFixed(1)} s`,
  };
}
