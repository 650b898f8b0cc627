import { describe, expect, it } from 'vitest';
import { TestLog } from '@timeline/testing';
import type { ClaimRecord } from './claim-history';
import { INDEX_NAMES, restoreIndex, type ClaimLine, type SnapshotLine, type VersionRow } from './snapshot-format';
import { VALUE_NAME } from './string-pool';
import { TimelineViews } from './timeline-views';

const hts = { place: 'hama', status: 'controlled', controller: 'hts' } as const;

/** A log whose second half changes what the first half folded: corrections, a retraction, a rank, a regrade, new places and sources. */
function history(): { log: TestLog; half: number } {
  const log = new TestLog();
  log.control('c1', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
  log.control('c2', { ...hts, controller: 'saa', time: { date: '2024-12-04' }, sources: ['sana-1'] });
  log.casualties('k1', { count: 12, scope: 'incident', time: { date: '2024-12-05' }, sources: ['reuters-1'] });
  log.assess('sohr', 'B');
  const half = log.position;
  log.correct('c1', { controller: 'sna' });
  log.retract('c2');
  log.rank('k1', 'preferred');
  log.assess('sohr', 'A');
  log.source('late-1', { date: '2024-12-06' }, 'reuters');
  log.place({ placeId: 'qusayr', name: 'Al-Qusayr', aliases: [], kind: 'town', lat: null, lon: null, precision: 'unknown' });
  log.control('c3', {
    place: 'qusayr',
    status: 'controlled',
    controller: 'hts',
    time: { date: '2024-12-06' },
    sources: ['late-1'],
  });
  return { log, half };
}

function foldedTo(log: TestLog, position: number): TimelineViews {
  const views = new TimelineViews();
  for (const event of log.events.slice(0, position)) views.apply(event);
  return views;
}

describe('TimelineViews.capture: the views at one position, read while they go on folding', () => {
  it('given a capture, when later events correct, retract, rank and add to what it holds, then its lines are those of its position', () => {
    const { log, half } = history();
    const views = foldedTo(log, half);
    const capture = views.capture();
    for (const event of log.events.slice(half)) views.apply(event);

    expect(capture.position).toBe(half);
    expect([...capture.lines()]).toEqual([...foldedTo(log, half).toSnapshot()]);
    expect(capture.stale()).toBe(false);
    // and the views themselves went on: the capture took nothing from them
    expect([...views.toSnapshot()]).toEqual([...foldedTo(log, log.position).toSnapshot()]);
  });

  it('given a capture, when a later event corrects a publication date, then it is stale: versions folded before it changed in place', () => {
    const { log, half } = history();
    log.correctSourcePublished('late-1', { date: '2024-12-07' });
    const views = foldedTo(log, log.position - 1);
    const capture = views.capture();
    views.apply(log.event(log.position));

    expect(capture.stale()).toBe(true);
    expect(half).toBeLessThan(capture.position);
  });

  it('given views restored from a capture’s lines, when asked, then they answer as the views folded to its position', () => {
    const { log, half } = history();
    const views = foldedTo(log, half);
    const capture = views.capture();
    for (const event of log.events.slice(half)) views.apply(event);
    const restored = TimelineViews.fromSnapshot(capture.lines());

    const ledger = restored.ledger('syria-2024');
    expect(restored.position).toBe(half);
    expect(ledger?.claims.size).toBe(3);
    expect(ledger?.claims.get('c1')?.versions.map((v) => v.claim)).toEqual([expect.objectContaining({ controller: 'hts' })]);
    expect(restored.grades.at('sohr', half)).toBe('B');
  });

  it('given views restored from their lines as a file holds them, then each claim is as the fold holds it, sharing what the fold shares', () => {
    const { log } = history();
    const folded = foldedTo(log, log.position);
    const lines = [...folded.toSnapshot()].map((line) => JSON.parse(JSON.stringify(line)) as SnapshotLine);
    const restored = TimelineViews.fromSnapshot(lines);

    const claims = restored.ledger('syria-2024')?.claims;
    expect(claims).toEqual(folded.ledger('syria-2024')?.claims);
    const c1 = claims?.get('c1');
    const k1 = claims?.get('k1');
    // a record cites its claim's sources: one list, as in the fold
    expect(c1?.versions[0]?.eventSources).toBe(c1?.versions[0]?.claim.sources);
    // a correction cites its own
    expect(c1?.versions[1]?.eventSources).not.toBe(c1?.versions[1]?.claim.sources);
    // a rank leaves the claim, and its valid time, as they were
    expect(k1?.versions[1]?.claim).toBe(k1?.versions[0]?.claim);
    expect(k1?.versions[1]?.event).toBe('ClaimRanked');
    // claims of the same valid time share it, and its interval, as in the fold
    expect(k1?.versions[0]?.claim.time).toBe(c1?.versions[0]?.claim.time);
    expect(k1?.versions[0]?.valid).toBe(c1?.versions[0]?.valid);
  });

  it('given claims that repeat values, when written, then each value is written once and the claims name it; a claim’s own text is never taken for a name', () => {
    const { log } = history();
    log.control('c4', {
      ...hts,
      place: 'homs',
      time: { date: '2024-12-05' },
      sources: ['sohr-1'],
      quote: '\u00000 is not a name',
    });
    const folded = foldedTo(log, log.position);
    const lines = [...folded.toSnapshot()].map((line) => JSON.parse(JSON.stringify(line)) as SnapshotLine);
    const values = lines.flatMap((line) => (!Array.isArray(line) && line.kind === 'values' ? line.values : []));
    const c4 = lines.find((line) => Array.isArray(line) && line[2] === 'c4') as ClaimLine;
    const claim = (c4[4] as VersionRow)[5] as unknown as Record<string, unknown>;

    expect(values.filter((v) => JSON.stringify(v) === JSON.stringify(['sohr-1']))).toHaveLength(1);
    // named: the first character of a name, then the value's place among the values written
    const named = (value: unknown) => typeof value === 'string' && value.startsWith(VALUE_NAME) && /^\d+$/.test(value.slice(1));
    expect(named(claim.sources)).toBe(true);
    expect(named(claim.time)).toBe(true);
    expect(claim.quote).toBe('\u00000 is not a name');
    const restored = TimelineViews.fromSnapshot(lines).ledger('syria-2024')?.claims.get('c4');
    expect(restored).toEqual(folded.ledger('syria-2024')?.claims.get('c4'));
  });

  it('given a claim line naming a value its campaign’s values lines do not hold, when restored, then it is refused', () => {
    const { log } = history();
    const lines = [...foldedTo(log, log.position).toSnapshot()].map((line) => JSON.parse(JSON.stringify(line)) as SnapshotLine);
    const c1 = lines.find((line) => Array.isArray(line) && line[2] === 'c1') as ClaimLine;
    ((c1[4] as VersionRow)[5] as unknown as Record<string, unknown>).sources = '\u000099';

    expect(() => TimelineViews.fromSnapshot(lines)).toThrow('snapshot: no pooled value is named "99"');
  });

  it('given a claim a correction moved to another place, when restored, then every index files the claims as the fold did, in its order', () => {
    const { log } = history();
    log.control('c4', { ...hts, place: 'homs', time: { date: '2024-12-06' }, sources: ['sohr-1'] });
    // c1 is filed under homs after c4, as the fold filed it: a rebuild from the claims would put it first
    log.correct('c1', { place: 'homs' }, ['sana-1']);
    const folded = foldedTo(log, log.position);
    const restored = TimelineViews.fromSnapshot(
      [...folded.toSnapshot()].map((line) => JSON.parse(JSON.stringify(line)) as SnapshotLine),
    );

    const ids = (views: TimelineViews, index: (typeof INDEX_NAMES)[number]) =>
      [...(views.ledger('syria-2024')?.[index] ?? [])].map(([key, records]) => [key, records.map((r) => r.claimId)]);
    for (const index of INDEX_NAMES) expect(ids(restored, index), index).toEqual(ids(folded, index));
    expect(ids(restored, 'controlByPlace')).toContainEqual(['homs', ['c4', 'c1']]);
    // the lists hold the restored records themselves
    const ledger = restored.ledger('syria-2024');
    expect(ledger?.controlByPlace.get('homs')?.[1]).toBe(ledger?.claims.get('c1'));
  });

  it('given an index line naming a claim the snapshot does not hold, or no index, when restored, then it is refused', () => {
    const ledger = foldedTo(history().log, 3).ledger('syria-2024');
    if (!ledger) throw new Error('the log registers syria-2024');
    const records: ClaimRecord[] = [...ledger.claims.values()];
    const line = (index: string, ordinal: number) =>
      ({ kind: 'index', campaignId: 'syria-2024', index, entries: [['hama', [ordinal]]] }) as Parameters<typeof restoreIndex>[1];

    expect(() => restoreIndex(ledger, line('controlByPlace', records.length), records)).toThrow(
      `index controlByPlace names claim ${records.length} of ${records.length}`,
    );
    expect(() => restoreIndex(ledger, line('claims', 0), records)).toThrow('no claim index is named "claims"');
  });
});
