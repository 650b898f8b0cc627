import { describe, expect, it } from 'vitest';
import type { ClaimEvent, RecordedEvent } from '@timeline/domain';
import { TestLog } from '@timeline/testing';
import { claimChange } from './claim-change';

const toll = {
  time: { date: '2024-12-05' },
  side: 'civilians',
  category: 'killed',
  count: 111,
  scope: 'cumulative',
  sources: ['sohr-1'],
  quote: '111 civilians killed',
} as const;

function changeAt(log: TestLog, position: number) {
  const { ledger } = log.fold();
  return claimChange(ledger, log.event(position) as RecordedEvent<ClaimEvent>);
}

describe('claimChange: what one event of a claim’s stream did', () => {
  it('given a casualty figure corrected on a later report, then the change says the new figure, the old one, the correcting source and why', () => {
    const log = new TestLog();
    log.casualties('toll', toll);
    const corrected = log.correct('toll', { count: 125 }, ['sohr-2']);
    expect(changeAt(log, corrected)).toMatchObject({
      kind: 'corrected',
      event: 'ClaimCorrected',
      position: corrected,
      actor: 'editor',
      reason: 'a later report',
      fields: [{ field: 'count', before: 111, after: 125 }],
      summaryBefore: '111 civilians killed (total)',
      claim: { claimId: 'toll', summary: '125 civilians killed (total)', sources: [{ sourceId: 'sohr-1' }] },
      sources: [{ sourceId: 'sohr-2', publisher: 'sohr' }],
    });
  });

  it('given a rank and then a retraction, then each says the field it changed, before and after', () => {
    const log = new TestLog();
    log.casualties('toll', toll);
    const ranked = log.rank('toll', 'preferred');
    const retracted = log.retract('toll');
    expect(changeAt(log, ranked)).toMatchObject({
      kind: 'ranked',
      reason: 'editorial review',
      fields: [{ field: 'rank', before: 'normal', after: 'preferred' }],
      rank: 'preferred',
      sources: [],
    });
    expect(changeAt(log, retracted)).toMatchObject({
      kind: 'retracted',
      reason: 'entered in error',
      fields: [{ field: 'retracted', before: false, after: true }],
      retracted: true,
      claim: { summary: '111 civilians killed (total)' },
    });
  });

  it('given a claim recorded, then the change is a record with no field before it', () => {
    const log = new TestLog();
    const recorded = log.casualties('toll', toll);
    expect(changeAt(log, recorded)).toMatchObject({ kind: 'recorded', reason: null, fields: [], summaryBefore: null });
  });
});
