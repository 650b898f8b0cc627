import { describe, expect, it } from 'vitest';
import type { PlaceKind } from '../catalog/place.schema';
import { changesTowards } from './claim.changes';
import type { ClaimData } from './claim.events';
import { applyChanges } from './claim.evolve';
import { prepareClaim, prepareCorrection } from './claim.prepare';
import type { CampaignReferences } from './claim.references';
import { ClaimInput } from './claim.schema';

const PLACES: Record<string, PlaceKind> = { 'al-rastan': 'town', 'homs-governorate': 'governorate' };
const refs: CampaignReferences = {
  campaignId: 'syria-2024',
  timeZone: 'Asia/Damascus',
  campaign: { timeZone: 'Asia/Damascus', window: { from: '2024-11-27', to: '2024-12-31' } },
  knownIds: () => [],
  hasPlace: (id) => id in PLACES,
  placeKind: (id) => PLACES[id],
  hasSource: (id) => ['sohr-2024-12-06-rastan', 'sana-2024-12-07-homs'].includes(id),
  hasFaction: (id) => ['hts', 'saa'].includes(id),
  hasOperation: (id) => id === 'homs',
  hasClaim: () => false,
  isPublisher: () => false,
};

const control = (fields: Record<string, unknown> = {}) =>
  ClaimInput.parse({
    claimId: 'homs-2024-12-06-rastan',
    type: 'control',
    operation: 'homs',
    time: { date: '2024-12-06' },
    sources: ['sohr-2024-12-06-rastan'],
    quote: 'On 6 December 2024, opposition forces captured Al-Rastan.',
    place: 'al-rastan',
    status: 'controlled',
    controller: 'hts',
    note: 'the town centre',
    ...fields,
  });

function recorded(input: ClaimInput): ClaimData {
  const prepared = prepareClaim(input, refs);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
  return prepared.value;
}

/** The claim after a correction carrying the changes, as the stream's fold gives it. */
function corrected(current: ClaimData, changes: Record<string, unknown>): ClaimData {
  const prepared = prepareCorrection(
    current,
    { expectedRevision: 0, changes, sources: current.sources, reason: 'revised' },
    refs,
  );
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
  return applyChanges(current, prepared.value);
}

describe('changesTowards', () => {
  it('given a claim and the same claim, when compared, then there is nothing to change', () => {
    expect(changesTowards(recorded(control()), control())).toEqual({});
  });

  it('given a claim and a revision that refines its time, adds takenFrom and leaves out its note, when compared, then the changes name those fields and null removes the note', () => {
    const revised = control({ time: { date: '2024-12-06', by: '18:00' }, takenFrom: 'saa', note: undefined });
    expect(changesTowards(recorded(control()), revised)).toEqual({
      time: { date: '2024-12-06', by: '18:00' },
      takenFrom: 'saa',
      note: null,
    });
  });

  it('given the changes, when a correction carries them, then the corrected claim is the revision as recorded afresh', () => {
    const current = recorded(control());
    const revisions = [
      control({ time: { date: '2024-12-06', part: 'evening' }, takenFrom: 'saa', note: undefined }),
      control({ status: 'contested', controller: 'saa', contestedBy: 'hts', sources: ['sana-2024-12-07-homs'] }),
      control({ place: 'homs-governorate', coversPlaces: true, operation: undefined }),
    ];
    for (const revised of revisions) {
      const claim = corrected(current, changesTowards(current, revised));
      expect(claim).toEqual(recorded(revised));
      expect(changesTowards(claim, revised)).toEqual({});
    }
  });

  it('given a revision that leaves out the controller of a vacated place, when corrected, then the claim reads as the revision', () => {
    const current = recorded(control());
    const revised = control({ status: 'vacated', controller: undefined, vacatedBy: 'saa' });
    const claim = corrected(current, changesTowards(current, revised));
    // a correction keeps a null controller (no holder) where the revision writes none: the same
    expect(claim).toMatchObject({ status: 'vacated', vacatedBy: 'saa', controller: null });
    expect(changesTowards(claim, revised)).toEqual({});
  });

  it('given a revision of another type, when compared, then the type is among the changes and the correction is refused', () => {
    const current = recorded(control());
    const revised = ClaimInput.parse({
      claimId: 'homs-2024-12-06-rastan',
      type: 'incident',
      kind: 'withdrawal',
      time: { date: '2024-12-06' },
      sources: ['sohr-2024-12-06-rastan'],
      quote: 'On 6 December 2024, opposition forces captured Al-Rastan.',
    });
    const changes = changesTowards(current, revised);
    expect(changes.type).toBe('incident');
    const refused = prepareCorrection(
      current,
      { expectedRevision: 0, changes, sources: ['sohr-2024-12-06-rastan'], reason: 'r' },
      refs,
    );
    expect(refused.ok).toBe(false);
  });
});
