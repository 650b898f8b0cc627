import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCampaigns, Timeline } from '@timeline/application';
import { type EventStore, SqliteEventStore, type StreamAppend } from '@timeline/store';
import { syntheticAppends } from '@timeline/synthetic';
import type { TimelineViews } from '@timeline/views';
import { multilingualCampaign } from './multilingual-campaign';
import { allAnswers } from './view-answers';

const EVENTS = join(__dirname, '../../events');
const CAMPAIGNS = ['syria-2024', 'palmyra-2017', 'multilingual'];
const MiB = 1 << 20;

const dir = mkdtempSync(join(tmpdir(), 'timeline-snap-integrity-'));
const storeFile = join(dir, 'store.db');
const snapshotFile = join(dir, 'views.snapshot.ndjson');
/** The snapshot as the service wrote it at its last stop, before any test touches it. */
let written: Buffer;
let head: number;
let rebuilt: ReturnType<typeof everything>;

/** Everything the views hold and answer: places, sources, publishers, claims, and every day's views. */
function everything(views: TimelineViews) {
  return {
    position: views.position,
    publishers: views.catalog.publishers,
    grades: views.catalog.grades.toSnapshot(),
    campaigns: CAMPAIGNS.map((campaignId) => {
      const entry = views.catalog.campaigns.get(campaignId)!;
      return {
        campaign: entry.campaign,
        places: entry.places,
        placeVersions: entry.placeVersions,
        sources: entry.sources,
        sourceVersions: entry.sourceVersions,
        claims: views.ledger(campaignId)!.claims,
        answers: allAnswers(views, campaignId),
      };
    }),
  };
}

/** A new service over the store file, as after a restart; its warnings are kept. */
async function restart(options: { snapshotFile?: string } = {}) {
  const timeline = new Timeline(new SqliteEventStore(storeFile));
  const warnings: string[] = [];
  const { resumedFrom } = await timeline.start({ ...options, onWarning: (message) => warnings.push(message) });
  const views = await timeline.projectionAdmin.caughtUpViews();
  return { timeline, warnings, resumedFrom, views };
}

async function appendAll(store: EventStore, appends: Iterable<StreamAppend>): Promise<void> {
  let batch: StreamAppend[] = [];
  for (const append of appends) {
    // a batch is one transaction, and a stream may appear once in it
    if (batch.length === 500 || batch.some((b) => b.stream === append.stream)) {
      await store.append(batch);
      batch = [];
    }
    batch.push(append);
  }
  if (batch.length) await store.append(batch);
}

beforeAll(async () => {
  const service = new Timeline(new SqliteEventStore(storeFile));
  await service.start({ snapshotFile });
  expect((await loadCampaigns(service, EVENTS)).problems).toEqual([]);
  await appendAll(service.store, syntheticAppends(multilingualCampaign(4_000)));
  await service.projectionAdmin.caughtUpViews();
  head = await service.store.headPosition();
  await service.close(); // writes the snapshot
  written = readFileSync(snapshotFile);

  const full = await restart();
  expect(full.resumedFrom).toBe(0);
  rebuilt = everything(full.views);
  await full.timeline.close();
}, 240_000);

describe('a snapshot of non-ASCII text', () => {
  it('given a snapshot of several MiB, mostly multi-byte text, when the service restarts from it, then every place, source, claim and view equals a full rebuild', async () => {
    expect(written.length).toBeGreaterThan(3 * MiB);
    expect(written.filter((byte) => byte >= 0x80).length).toBeGreaterThan(MiB);
    // the reader reads 1 MiB at a time, so the file crosses several chunk boundaries; whether one
    // falls inside a character depends on the data, and file-lines.unit.test.ts splits characters on purpose
    expect(Math.floor(written.length / MiB)).toBeGreaterThanOrEqual(3);

    const resumed = await restart({ snapshotFile });
    expect(resumed.resumedFrom).toBe(head);
    expect(resumed.warnings).toEqual([]);
    const multilingual = resumed.views.catalog.campaigns.get('multilingual')!;
    expect(multilingual.places.get('place-0')?.name).toBe('حلب – Aleppo 0');
    expect(multilingual.places.get('place-1')?.aliases).toEqual(['Ḥamāh', 'Ḥamāh'.normalize('NFD'), 'Hama']);
    expect(everything(resumed.views)).toEqual(rebuilt);
    await resumed.timeline.close();
  }, 120_000);
});

/** The offset just past the newline nearest `at`: where a cut leaves only whole lines. */
const lineEndNear = (bytes: Buffer, at: number) => bytes.indexOf(0x0a, at) + 1;
const trailerStart = (bytes: Buffer) => bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;

/** Damage done to the written snapshot, and what the warning must say about it. */
const DAMAGE: { name: string; damage: (bytes: Buffer) => Buffer; reason: RegExp }[] = [
  { name: 'empty', damage: () => Buffer.alloc(0), reason: /the file is empty/ },
  { name: 'cut inside a line', damage: (b) => b.subarray(0, MiB + 12_345), reason: /not JSON|cut short/ },
  { name: 'cut at a line boundary', damage: (b) => b.subarray(0, lineEndNear(b, b.length / 2)), reason: /cut short/ },
  { name: 'cut before the trailer', damage: (b) => b.subarray(0, trailerStart(b)), reason: /cut short/ },
  { name: 'cut after the header', damage: (b) => b.subarray(0, lineEndNear(b, 0)), reason: /cut short/ },
  { name: 'cut inside the trailer', damage: (b) => b.subarray(0, b.length - 10), reason: /cut short/ },
  {
    name: 'one bit flipped in the middle',
    damage: (b) => Buffer.from(b).fill(b[b.length >> 1]! ^ 0x01, b.length >> 1, (b.length >> 1) + 1),
    reason: /./,
  },
  {
    // still valid JSON with a plausible name: only the checksum tells
    name: 'a letter changed in a place name',
    damage: (b) => {
      const at = b.indexOf('Aleppo', b.length >> 1);
      return Buffer.from(b).fill('E', at, at + 1);
    },
    reason: /SHA-256 .* altered/,
  },
  { name: 'junk appended', damage: (b) => Buffer.concat([b, Buffer.from('{"kind":"claim"}\n')]), reason: /appended/ },
  {
    name: 'the trailer digest changed',
    damage: (b) => Buffer.from(b.toString('latin1').replace(/"sha256":"./, '"sha256":"x'), 'latin1'),
    reason: /SHA-256 .* altered/,
  },
  {
    // format 7 wrote each claim's valid time, sources and written time in full
    name: 'an older format',
    damage: (b) => Buffer.from(b.subarray(0, trailerStart(b)).toString('latin1').replace('"format":8', '"format":7'), 'latin1'),
    reason: /format 7, and this version reads format 8/,
  },
];

describe('a damaged snapshot', () => {
  it.each(DAMAGE)(
    'given a snapshot $name, when the service starts, then it warns naming the file, refolds the log and serves what a full rebuild gives',
    async ({ name, damage, reason }) => {
      const damaged = join(dir, `${name.replaceAll(' ', '-')}.snapshot.ndjson`);
      writeFileSync(damaged, damage(written));
      const started = await restart({ snapshotFile: damaged });
      expect(started.resumedFrom).toBe(0);
      expect(started.warnings).toHaveLength(1);
      expect(started.warnings[0]).toContain(`snapshot ${damaged} not used`);
      expect(started.warnings[0]).toMatch(reason);
      expect(everything(started.views)).toEqual(rebuilt);
      await started.timeline.close();
    },
    120_000,
  );
});
