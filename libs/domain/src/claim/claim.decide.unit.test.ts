import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/domain-error';
import { decideClaim, type ClaimCommand } from './claim.decide';
import type { ClaimData, ClaimEvent } from './claim.events';
import { foldClaim, initialClaimState } from './claim.evolve';

const DAY_6 = { from: '2024-12-05T21:00:00.000Z', to: '2024-12-06T21:00:00.000Z', precision: 'day' as const };
const common = { campaignId: 'syria-2024', time: DAY_6, writtenTime: { date: '2024-12-06' } };

// ClaimData is assembled by prepareClaim; here each claim is written out as it is stored.
const rastanControlled = {
  ...common,
  claimId: 'homs-2024-12-06-rastan',
  type: 'control',
  sources: ['sohr-2024-12-06-rastan'],
  quote: 'On 6 December 2024, opposition forces captured Al-Rastan.',
  place: 'al-rastan',
  status: 'controlled',
  controller: 'hts',
} as unknown as ClaimData;
const idlibKilled = {
  ...common,
  claimId: 'idlib-airstrike-2024-12-06',
  type: 'casualties',
  sources: ['sohr-2024-12-07-idlib'],
  quote: 'An airstrike on Idlib killed 20 civilians.',
  side: 'civilians',
  category: 'killed',
  count: 20,
  scope: 'incident',
} as unknown as ClaimData;
const hamaVillages = {
  ...common,
  claimId: 'hama-villages-2024-12-06',
  type: 'territory',
  sources: ['sohr-2024-12-06-rastan'],
  quote: 'Opposition forces captured 12 villages in the Hama countryside.',
  faction: 'hts',
  settlements: 12,
  scope: 'incident',
} as unknown as ClaimData;
const idlibAirstrike = {
  ...common,
  claimId: 'idlib-strike-2024-12-06',
  type: 'incident',
  sources: ['sohr-2024-12-07-idlib'],
  quote: 'Jets struck Idlib city.',
  kind: 'airstrike',
  place: 'idlib',
} as unknown as ClaimData;

const recorded: ClaimEvent = { type: 'ControlClaimed', data: rastanControlled } as ClaimEvent;
const record = (claim: ClaimData): ClaimCommand => ({ type: 'RecordClaim', claim });
const correct = (expectedRevision: number, changes: Record<string, unknown> = { controller: 'sna' }): ClaimCommand => ({
  type: 'CorrectClaim',
  claimId: 'homs-2024-12-06-rastan',
  expectedRevision,
  changes,
  sources: ['sana-2024-12-07-homs'],
  reason: 'SANA named the SNA',
});
const retract = (expectedRevision: number): ClaimCommand => ({
  type: 'RetractClaim',
  claimId: 'homs-2024-12-06-rastan',
  expectedRevision,
  reason: 'entered twice',
  sources: [],
});
const rank = (to: 'preferred' | 'normal' | 'deprecated'): ClaimCommand => ({
  type: 'RankClaim',
  claimId: 'homs-2024-12-06-rastan',
  rank: to,
  reason: 'editorial review',
});
const corrected = (expectedRevision: number, changes: Record<string, unknown>): ClaimEvent => ({
  type: 'ClaimCorrected',
  data: {
    campaignId: 'syria-2024',
    claimId: 'homs-2024-12-06-rastan',
    expectedRevision,
    changes,
    sources: ['sana-2024-12-07-homs'],
    reason: 'x',
  },
});
const retracted = (expectedRevision: number): ClaimEvent => ({
  type: 'ClaimRetracted',
  data: { campaignId: 'syria-2024', claimId: 'homs-2024-12-06-rastan', expectedRevision, reason: 'entered twice', sources: [] },
});
const ranked = (to: 'preferred' | 'normal' | 'deprecated'): ClaimEvent => ({
  type: 'ClaimRanked',
  data: { campaignId: 'syria-2024', claimId: 'homs-2024-12-06-rastan', rank: to, reason: 'editorial review' },
});

function domainErrorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('decideClaim: RecordClaim', () => {
  it.each([
    ['control', rastanControlled, 'ControlClaimed'],
    ['casualties', idlibKilled, 'CasualtiesReported'],
    ['territory', hamaVillages, 'TerritoryReported'],
    ['incident', idlibAirstrike, 'IncidentReported'],
  ])('given an empty stream, when a %s claim is recorded, then one %s event carries it', (_type, claim, eventType) => {
    expect(decideClaim(record(claim), initialClaimState())).toEqual([{ type: eventType, data: claim }]);
  });

  it('given a claim recorded, when the same claim is recorded again, then nothing is appended', () => {
    expect(decideClaim(record(rastanControlled), foldClaim([recorded]))).toEqual([]);
  });

  it('given a claim recorded, when the same content arrives with its keys in another order, then nothing is appended', () => {
    const reordered = Object.fromEntries(Object.entries(rastanControlled).reverse()) as ClaimData;
    expect(decideClaim(record(reordered), foldClaim([recorded]))).toEqual([]);
  });

  it('given a claim recorded and corrected, when the original claim is recorded again, then nothing is appended', () => {
    expect(decideClaim(record(rastanControlled), foldClaim([recorded, corrected(0, { controller: 'sna' })]))).toEqual([]);
  });

  it('given a claim recorded, when other content arrives under the same id, then it is a conflict at claimId', () => {
    const other = { ...rastanControlled, controller: 'sna' } as ClaimData;
    const error = domainErrorOf(() => decideClaim(record(other), foldClaim([recorded])));
    expect(error.kind).toBe('conflict');
    expect(error.errors.map((e) => e.path)).toEqual(['claimId']);
  });
});

describe('decideClaim: CorrectClaim', () => {
  it('given a claim at revision 0, when corrected at revision 0, then one ClaimCorrected is decided', () => {
    expect(decideClaim(correct(0), foldClaim([recorded]))).toEqual([
      {
        type: 'ClaimCorrected',
        data: {
          campaignId: 'syria-2024',
          claimId: 'homs-2024-12-06-rastan',
          expectedRevision: 0,
          changes: { controller: 'sna' },
          sources: ['sana-2024-12-07-homs'],
          reason: 'SANA named the SNA',
        },
      },
    ]);
  });

  it('given a claim corrected once, when corrected again at revision 0, then it is a conflict at expectedRevision', () => {
    const error = domainErrorOf(() => decideClaim(correct(0), foldClaim([recorded, corrected(0, { controller: 'sna' })])));
    expect(error.kind).toBe('conflict');
    expect(error.errors.map((e) => e.path)).toEqual(['expectedRevision']);
  });

  it('given a claim corrected once, when corrected at revision 1, then the correction is decided', () => {
    const events = decideClaim(correct(1, { controller: 'hts' }), foldClaim([recorded, corrected(0, { controller: 'sna' })]));
    expect(events.map((e) => e.type)).toEqual(['ClaimCorrected']);
  });

  it('given a claim ranked, when corrected at revision 0, then it is a conflict (a rank is a revision of the stream)', () => {
    expect(domainErrorOf(() => decideClaim(correct(0), foldClaim([recorded, ranked('preferred')]))).kind).toBe('conflict');
  });

  it('given a retracted claim, when corrected at its current revision, then it is invalid', () => {
    const error = domainErrorOf(() => decideClaim(correct(1), foldClaim([recorded, retracted(0)])));
    expect(error.kind).toBe('invalid');
    expect(error.errors.map((e) => e.path)).toEqual(['claimId']);
  });

  it('given no claim, when a correction arrives, then it is not found', () => {
    expect(domainErrorOf(() => decideClaim(correct(0), initialClaimState())).kind).toBe('not-found');
  });
});

describe('decideClaim: RetractClaim', () => {
  it('given a claim at revision 0, when retracted at revision 0, then one ClaimRetracted is decided', () => {
    expect(decideClaim(retract(0), foldClaim([recorded]))).toEqual([
      {
        type: 'ClaimRetracted',
        data: {
          campaignId: 'syria-2024',
          claimId: 'homs-2024-12-06-rastan',
          expectedRevision: 0,
          reason: 'entered twice',
          sources: [],
        },
      },
    ]);
  });

  it('given a claim corrected once, when retracted at revision 0, then it is a conflict', () => {
    expect(domainErrorOf(() => decideClaim(retract(0), foldClaim([recorded, corrected(0, { controller: 'sna' })]))).kind).toBe(
      'conflict',
    );
  });

  it('given a retracted claim, when retracted again at its current revision, then it is invalid', () => {
    expect(domainErrorOf(() => decideClaim(retract(1), foldClaim([recorded, retracted(0)]))).kind).toBe('invalid');
  });

  it('given no claim, when a retraction arrives, then it is not found', () => {
    expect(domainErrorOf(() => decideClaim(retract(0), initialClaimState())).kind).toBe('not-found');
  });
});

describe('decideClaim: RankClaim', () => {
  it('given a claim, when ranked preferred, then one ClaimRanked is decided', () => {
    expect(decideClaim(rank('preferred'), foldClaim([recorded]))).toEqual([
      {
        type: 'ClaimRanked',
        data: { campaignId: 'syria-2024', claimId: 'homs-2024-12-06-rastan', rank: 'preferred', reason: 'editorial review' },
      },
    ]);
  });

  it('given a retracted claim, when ranked, then it is invalid', () => {
    expect(domainErrorOf(() => decideClaim(rank('preferred'), foldClaim([recorded, retracted(0)]))).kind).toBe('invalid');
  });

  it('given no claim, when a rank arrives, then it is not found', () => {
    expect(domainErrorOf(() => decideClaim(rank('deprecated'), initialClaimState())).kind).toBe('not-found');
  });
});
