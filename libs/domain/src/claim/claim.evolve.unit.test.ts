import { describe, expect, it } from 'vitest';
import type { ClaimData, ClaimEvent } from './claim.events';
import { applyChanges, evolveClaim, foldClaim, initialClaimState } from './claim.evolve';

const rastan = {
  claimId: 'homs-2024-12-06-rastan',
  campaignId: 'syria-2024',
  type: 'control',
  operation: 'homs',
  time: { from: '2024-12-05T21:00:00.000Z', to: '2024-12-06T21:00:00.000Z', precision: 'day' },
  writtenTime: { date: '2024-12-06' },
  sources: ['sohr-2024-12-06-rastan'],
  quote: 'On 6 December 2024, opposition forces captured Al-Rastan.',
  place: 'al-rastan',
  status: 'besieged',
  controller: 'saa',
  besiegedBy: 'hts',
} as unknown as ClaimData;

const recorded = { type: 'ControlClaimed', data: rastan } as ClaimEvent;
const meta = { campaignId: 'syria-2024', claimId: 'homs-2024-12-06-rastan' };
const corrected = (expectedRevision: number, changes: Record<string, unknown>): ClaimEvent => ({
  type: 'ClaimCorrected',
  data: { ...meta, expectedRevision, changes, sources: ['sana-2024-12-07-homs'], reason: 'a later report' },
});
const retracted = (expectedRevision: number): ClaimEvent => ({
  type: 'ClaimRetracted',
  data: { ...meta, expectedRevision, reason: 'entered twice', sources: [] },
});
const ranked = (rank: 'preferred' | 'normal' | 'deprecated'): ClaimEvent => ({
  type: 'ClaimRanked',
  data: { ...meta, rank, reason: 'editorial review' },
});

const fieldsOf = (state: ReturnType<typeof foldClaim>) => {
  if (!state.exists) throw new Error('expected the claim to exist');
  return state;
};

describe('evolveClaim and foldClaim', () => {
  it('given no events, when folded, then the claim does not exist', () => {
    expect(foldClaim([])).toEqual({ exists: false });
  });

  it('given a recorded claim, when folded, then it exists at revision 0, ranked normal, not retracted', () => {
    expect(foldClaim([recorded])).toEqual({
      exists: true,
      original: rastan,
      claim: rastan,
      revision: 0,
      rank: 'normal',
      retracted: false,
    });
  });

  it('given a claim and a correction, when folded, then the changes apply, the revision is 1 and the original is kept', () => {
    const state = fieldsOf(foldClaim([recorded, corrected(0, { status: 'controlled', controller: 'hts', besiegedBy: null })]));
    expect(state.revision).toBe(1);
    expect(state.claim).toEqual({ ...rastan, status: 'controlled', controller: 'hts', besiegedBy: undefined });
    expect('besiegedBy' in state.claim).toBe(false);
    expect(state.original).toEqual(rastan);
  });

  it('given a correction of the time, when folded, then both the normalised and the written time change', () => {
    const time = { from: '2024-12-07T03:00:00.000Z', to: '2024-12-07T09:00:00.000Z', precision: 'part-of-day' };
    const writtenTime = { date: '2024-12-07', part: 'morning' };
    const state = fieldsOf(foldClaim([recorded, corrected(0, { time, writtenTime })]));
    expect(state.claim.time).toEqual(time);
    expect(state.claim.writtenTime).toEqual(writtenTime);
  });

  it('given two corrections, when folded, then the revision is 2 and the later correction wins', () => {
    const state = fieldsOf(foldClaim([recorded, corrected(0, { controller: 'sna' }), corrected(1, { controller: 'hts' })]));
    expect(state.revision).toBe(2);
    expect((state.claim as { controller?: string }).controller).toBe('hts');
  });

  it('given a rank, when folded, then the rank is set and the revision bumped', () => {
    const state = fieldsOf(foldClaim([recorded, ranked('preferred')]));
    expect(state.rank).toBe('preferred');
    expect(state.revision).toBe(1);
  });

  it('given a retraction, when folded, then the claim is retracted at the next revision and its fields stay', () => {
    const state = fieldsOf(foldClaim([recorded, retracted(0)]));
    expect(state.retracted).toBe(true);
    expect(state.revision).toBe(1);
    expect(state.claim).toEqual(rastan);
  });

  it('given no claim, when a correction is evolved, then the state still does not exist', () => {
    expect(evolveClaim(initialClaimState(), corrected(0, { controller: 'sna' }))).toEqual({ exists: false });
  });

  it('given a state, when an event is evolved, then the earlier state is not mutated', () => {
    const before = foldClaim([recorded]);
    const snapshot = structuredClone(before);
    evolveClaim(before, corrected(0, { controller: 'sna' }));
    expect(before).toEqual(snapshot);
  });
});

describe('applyChanges', () => {
  it('given a change to null, when applied, then the field is removed', () => {
    const next = applyChanges(rastan, { operation: null });
    expect('operation' in next).toBe(false);
    expect(next.quote).toBe(rastan.quote);
  });

  it('given controller null, when applied, then the controller stays as null (an unknown holder)', () => {
    const next = applyChanges(rastan, { status: 'contested', controller: null, contestedBy: 'hts', besiegedBy: null });
    expect(next).toEqual({
      ...rastan,
      status: 'contested',
      controller: null,
      contestedBy: 'hts',
      besiegedBy: undefined,
    });
    expect('controller' in next && (next as { controller: unknown }).controller).toBeNull();
  });

  it('given changes, when applied, then the claim passed in is left as it was', () => {
    const before = structuredClone(rastan);
    applyChanges(rastan, { controller: 'sna', operation: null });
    expect(rastan).toEqual(before);
  });
});
