import { describe, it } from 'vitest';
import { deciderSpec } from '@timeline/testing';
import { DomainError } from '../common/domain-error';
import { decideClaim, type ClaimCommand } from './claim.decide';
import type { ClaimData, ClaimEvent } from './claim.events';
import { evolveClaim, initialClaimState } from './claim.evolve';

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

const { given } = deciderSpec({ decide: decideClaim, evolve: evolveClaim, initialState: initialClaimState });

const RASTAN = 'homs-2024-12-06-rastan';
const stale = (at: number) => [{ path: 'expectedRevision', message: `is stale: the claim is at revision ${at}` }];
const isRetracted = [{ path: 'claimId', message: 'is retracted' }];

describe('decideClaim: RecordClaim', () => {
  it.each([
    ['control', rastanControlled, 'ControlClaimed'],
    ['casualties', idlibKilled, 'CasualtiesReported'],
    ['territory', hamaVillages, 'TerritoryReported'],
    ['incident', idlibAirstrike, 'IncidentReported'],
  ])('given an empty stream, when a %s claim is recorded, then one %s event carries it', (_type, claim, eventType) => {
    given([])
      .when(record(claim))
      .then([{ type: eventType, data: claim } as ClaimEvent]);
  });

  it('given a claim recorded, when the same claim is recorded again, then nothing is appended', () => {
    given([recorded]).when(record(rastanControlled)).then([]);
  });

  it('given a claim recorded, when the same content arrives with its keys in another order, then nothing is appended', () => {
    const reordered = Object.fromEntries(Object.entries(rastanControlled).reverse()) as ClaimData;
    given([recorded]).when(record(reordered)).then([]);
  });

  it('given a claim recorded and corrected, when the original claim is recorded again, then nothing is appended', () => {
    given([recorded, corrected(0, { controller: 'sna' })])
      .when(record(rastanControlled))
      .then([]);
  });

  it('given a claim recorded, when other content arrives under the same id, then it is a conflict at claimId', () => {
    const other = { ...rastanControlled, controller: 'sna' } as ClaimData;
    given([recorded])
      .when(record(other))
      .thenThrows(DomainError, {
        kind: 'conflict',
        message: `claim "${RASTAN}" already exists with different content`,
        errors: [{ path: 'claimId', message: 'is already used by a claim with different content' }],
      });
  });
});

describe('decideClaim: CorrectClaim', () => {
  it('given a claim at revision 0, when corrected at revision 0, then one ClaimCorrected is decided', () => {
    given([recorded])
      .when(correct(0))
      .then([
        {
          type: 'ClaimCorrected',
          data: {
            campaignId: 'syria-2024',
            claimId: RASTAN,
            expectedRevision: 0,
            changes: { controller: 'sna' },
            sources: ['sana-2024-12-07-homs'],
            reason: 'SANA named the SNA',
          },
        },
      ]);
  });

  it('given a claim corrected once, when corrected again at revision 0, then it is a conflict at expectedRevision', () => {
    given([recorded, corrected(0, { controller: 'sna' })])
      .when(correct(0))
      .thenThrows(DomainError, { kind: 'conflict', errors: stale(1) });
  });

  it('given a claim at revision 0, when corrected at revision 3, then it is invalid at expectedRevision: ahead, not stale', () => {
    given([recorded])
      .when(correct(3))
      .thenThrows(DomainError, {
        kind: 'invalid',
        errors: [{ path: 'expectedRevision', message: "is ahead of the claim's revision 0: give the revision read, 0" }],
      });
  });

  it('given a claim at revision 0, when retracted at revision 1, then it is invalid at expectedRevision', () => {
    given([recorded]).when(retract(1)).thenThrows(DomainError, { kind: 'invalid' });
  });

  it('given a claim corrected once, when corrected at revision 1, then the correction is decided', () => {
    given([recorded, corrected(0, { controller: 'sna' })])
      .when(correct(1, { controller: 'hts' }))
      .then([
        {
          type: 'ClaimCorrected',
          data: {
            campaignId: 'syria-2024',
            claimId: RASTAN,
            expectedRevision: 1,
            changes: { controller: 'hts' },
            sources: ['sana-2024-12-07-homs'],
            reason: 'SANA named the SNA',
          },
        },
      ]);
  });

  it('given a claim ranked, when corrected at revision 0, then it is a conflict (a rank is a revision of the stream)', () => {
    given([recorded, ranked('preferred')])
      .when(correct(0))
      .thenThrows(DomainError, { kind: 'conflict', errors: stale(1) });
  });

  it('given a retracted claim, when corrected at its current revision, then it is invalid', () => {
    given([recorded, retracted(0)])
      .when(correct(1))
      .thenThrows(DomainError, { kind: 'invalid', errors: isRetracted });
  });

  it('given no claim, when a correction arrives, then it is not found', () => {
    given([])
      .when(correct(0))
      .thenThrows(DomainError, { kind: 'not-found', message: `claim "${RASTAN}" does not exist` });
  });
});

describe('decideClaim: RetractClaim', () => {
  it('given a claim at revision 0, when retracted at revision 0, then one ClaimRetracted is decided', () => {
    given([recorded])
      .when(retract(0))
      .then([
        {
          type: 'ClaimRetracted',
          data: { campaignId: 'syria-2024', claimId: RASTAN, expectedRevision: 0, reason: 'entered twice', sources: [] },
        },
      ]);
  });

  it('given a claim corrected once, when retracted at revision 0, then it is a conflict', () => {
    given([recorded, corrected(0, { controller: 'sna' })])
      .when(retract(0))
      .thenThrows(DomainError, { kind: 'conflict', errors: stale(1) });
  });

  it('given a retracted claim, when retracted again at its current revision, then it is invalid', () => {
    given([recorded, retracted(0)])
      .when(retract(1))
      .thenThrows(DomainError, { kind: 'invalid', errors: isRetracted });
  });

  it('given no claim, when a retraction arrives, then it is not found', () => {
    given([]).when(retract(0)).thenThrows(DomainError, { kind: 'not-found' });
  });
});

describe('decideClaim: RankClaim', () => {
  it('given a claim, when ranked preferred, then one ClaimRanked is decided', () => {
    given([recorded])
      .when(rank('preferred'))
      .then([
        {
          type: 'ClaimRanked',
          data: { campaignId: 'syria-2024', claimId: RASTAN, rank: 'preferred', reason: 'editorial review' },
        },
      ]);
  });

  it('given a retracted claim, when ranked, then it is invalid', () => {
    given([recorded, retracted(0)])
      .when(rank('preferred'))
      .thenThrows(DomainError, { kind: 'invalid', errors: isRetracted });
  });

  it('given no claim, when a rank arrives, then it is not found', () => {
    given([]).when(rank('deprecated')).thenThrows(DomainError, { kind: 'not-found' });
  });
});
