import { describe, expect, it } from 'vitest';
import { TestLog } from '@timeline/testing';
import { placeAt, sourceAt } from './catalog.view';
import { NOW } from './known-at';
import type { SnapshotLine } from './snapshot-format';
import { TimelineViews } from './timeline-views';

function given() {
  const log = new TestLog();
  const rename = log.append({
    type: 'PlaceCorrected',
    data: { campaignId: 'syria-2024', placeId: 'tiyas', changes: { name: 'T4 airbase' }, reason: 'common name' },
  });
  const move = log.append({
    type: 'SourceCorrected',
    data: {
      campaignId: 'syria-2024',
      sourceId: 'blog-1',
      changes: { publisher: 'reuters', publisherName: 'Reuters', publisherKind: 'news-agency' },
      reason: 'misattributed',
    },
  });
  const grade = log.assess('reuters', 'B', 'dave');
  log.control('c1', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
  log.correct('c1', { controller: 'saa' });
  return { log, rename, move, grade };
}

describe('CatalogView: the catalog folded once, for the views and the commands', () => {
  it('given a place and a source corrected, when folded, then each is current with its stream revision and its earlier version is kept for knownAt', () => {
    const { log, rename, move } = given();
    const { views } = log.fold();
    const entry = views.catalog.campaigns.get('syria-2024')!;

    expect(entry.places.get('tiyas')).toMatchObject({ name: 'T4 airbase', revision: 1 });
    expect(placeAt(entry, 'tiyas', rename - 1)).toMatchObject({ name: 'Tiyas', revision: 0 });
    expect(placeAt(entry, 'tiyas', NOW)?.name).toBe('T4 airbase');
    expect(sourceAt(entry, 'blog-1', move - 1)?.publisher).toBe('aleppo-blog');
    expect(sourceAt(entry, 'blog-1', move)?.publisher).toBe('reuters');
    expect(entry.factions.get('hts')?.bloc).toBe('opposition');
  });

  it('given sources and an assessment, when folded, then publishers are listed from the sources with their assessments and graded over time', () => {
    const { log, grade } = given();
    const { views } = log.fold();

    expect(views.catalog.publishers.get('reuters')).toEqual({
      publisher: 'reuters',
      assessments: [{ reliability: 'B', reason: 'track record', position: grade, recordedAt: log.recordedAt(grade) }],
      name: 'Reuters',
      kind: 'news-agency',
      reliability: 'B',
    });
    expect([views.grades.at('reuters', grade - 1), views.grades.at('reuters', NOW)]).toEqual([undefined, 'B']);
    expect(views.grades.assessmentsOf('reuters')).toEqual([
      { position: grade, grade: 'B', actor: 'dave', reason: 'track record' },
    ]);
  });

  it('given folded views, when written as snapshot lines and restored, then the catalog and the claims are as folded', () => {
    const { log } = given();
    const { views } = log.fold();
    const lines = [...views.toSnapshot()].map((line) => JSON.parse(JSON.stringify(line)) as SnapshotLine);

    const restored = TimelineViews.fromSnapshot(lines);

    expect(restored.position).toBe(views.position);
    expect([...restored.catalog.publishers]).toEqual([...views.catalog.publishers]);
    expect(restored.catalog.campaigns.get('syria-2024')).toEqual(views.catalog.campaigns.get('syria-2024'));
    expect(restored.ledger('syria-2024')?.claims.get('c1')).toEqual(views.ledger('syria-2024')?.claims.get('c1'));
    expect(restored.ledger('syria-2024')?.controlByPlace).toEqual(views.ledger('syria-2024')?.controlByPlace);
  });
});
