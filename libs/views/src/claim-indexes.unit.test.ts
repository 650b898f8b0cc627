import { describe, expect, it } from 'vitest';
import { TestLog } from '@timeline/testing';
import type { ClaimRecord } from './claim-history';

const ids = (records: ClaimRecord[] | undefined) => records?.map((record) => record.claimId);

describe('claim indexes: each claim filed once under each key any of its versions named', () => {
  it('given a claim moved to another place and source, ranked and retracted, when folded, then it is filed once under each place and source', () => {
    const log = new TestLog();
    log.control('c1', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
    log.control('c2', { place: 'hama', status: 'controlled', controller: 'saa', time: { date: '2024-12-05' } });
    log.correct('c1', { place: 'homs' }, ['sana-1']);
    log.correct('c1', { controller: 'saa' }, ['sana-1']);
    log.correct('c1', { place: 'hama' }, ['sohr-1']);
    log.rank('c1', 'deprecated');
    log.retract('c1');

    const { ledger } = log.fold();

    expect(ids(ledger.controlByPlace.get('hama'))).toEqual(['c1', 'c2']);
    expect(ids(ledger.controlByPlace.get('homs'))).toEqual(['c1']);
    expect(ids(ledger.claimsBySource.get('sohr-1'))).toEqual(['c1', 'c2']);
    // the ledger's own records, in the order they were first recorded
    expect(ledger.controlByPlace.get('homs')?.[0]).toBe(ledger.claims.get('c1'));
    expect([...ledger.claims.values()].map((record) => record.ordinal)).toEqual([0, 1]);
  });

  it('given a claim citing one source twice, when folded, then it is filed under the source once', () => {
    const log = new TestLog();
    log.control('c1', {
      place: 'hama',
      status: 'controlled',
      controller: 'hts',
      time: { date: '2024-12-05' },
      sources: ['sohr-1', 'sohr-1'],
    });

    const { ledger } = log.fold();

    expect(ids(ledger.claimsBySource.get('sohr-1'))).toEqual(['c1']);
  });
});
