import { describe, expect, it } from 'vitest';
import { possibleConflicts } from './conflicts.queries';
import { NOW } from './known-at';
import { TestLog } from '@timeline/testing';

const hts = { place: 'hama', status: 'controlled', controller: 'hts' } as const;
const saa = { place: 'hama', status: 'controlled', controller: 'saa' } as const;

describe('possibleConflicts: overlapping claims that merely disagree (rule 3)', () => {
  it('given overlapping claims from different publishers saying different states, when listed, then the pair is a possible conflict', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { from: '2024-12-04', to: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' }, sources: ['sana-1'] });
    const { ledger } = log.fold();

    expect(possibleConflicts(ledger, NOW)).toEqual([
      {
        place: 'hama',
        claims: [
          {
            claimId: 'hama-hts',
            status: 'controlled',
            controller: 'hts',
            from: '2024-12-03T21:00:00.000Z',
            to: '2024-12-05T21:00:00.000Z',
            publisher: 'sohr',
          },
          {
            claimId: 'hama-saa',
            status: 'controlled',
            controller: 'saa',
            from: '2024-12-04T21:00:00.000Z',
            to: '2024-12-05T21:00:00.000Z',
            publisher: 'syria-defense-ministry',
          },
        ],
      },
    ]);
  });

  it('given overlapping disagreeing claims from the same publisher, when listed, then there is no conflict', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { from: '2024-12-04', to: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' }, sources: ['sohr-2'] });
    const { ledger } = log.fold();

    expect(possibleConflicts(ledger, NOW)).toEqual([]);
  });

  it('given disagreeing claims from different publishers whose intervals only touch, when listed, then there is no conflict', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-04' }, sources: ['sohr-1'] });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' }, sources: ['sana-1'] });
    const { ledger } = log.fold();

    expect(possibleConflicts(ledger, NOW)).toEqual([]);
  });

  it('given overlapping claims from different publishers saying the same state, when listed, then there is no conflict', () => {
    const log = new TestLog();
    log.control('hama-hts-1', { ...hts, time: { from: '2024-12-04', to: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('hama-hts-2', { ...hts, time: { date: '2024-12-05' }, sources: ['reuters-1'] });
    const { ledger } = log.fold();

    expect(possibleConflicts(ledger, NOW)).toEqual([]);
  });

  it('given a conflicting pair, when one is retracted, then it is listed only as known before the retraction', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { from: '2024-12-04', to: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' }, sources: ['sana-1'] });
    const retraction = log.retract('hama-saa');
    const { ledger } = log.fold();

    expect(possibleConflicts(ledger, NOW)).toEqual([]);
    expect(possibleConflicts(ledger, retraction - 1)).toHaveLength(1);
  });

  it('given a conflicting pair on 4–5 Dec, when listed for 7 Dec, then none; for 5 Dec, the pair', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { from: '2024-12-04', to: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' }, sources: ['sana-1'] });
    const { ledger } = log.fold();

    expect(possibleConflicts(ledger, NOW, '2024-12-07')).toEqual([]);
    expect(possibleConflicts(ledger, NOW, '2024-12-05').map((c) => c.claims.map((x) => x.claimId))).toEqual([
      ['hama-hts', 'hama-saa'],
    ]);
  });
});
