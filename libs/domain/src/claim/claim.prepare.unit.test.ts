import { describe, expect, it } from 'vitest';
import type { PlaceKind } from '../catalog/place.schema';
import type { FieldError } from '../common/domain-error';
import type { ClaimData } from './claim.events';
import { derivedClaimId, prepareClaim, prepareCorrection } from './claim.prepare';
import type { CampaignReferences } from './claim.references';
import { ClaimInput, type ClaimCorrectionInput } from './claim.schema';

const PLACES: Record<string, PlaceKind> = { 'al-rastan': 'town', homs: 'city', idlib: 'governorate' };
const SOURCES = ['sohr-2024-12-06-rastan', 'sana-2024-12-07-homs', 'sohr-2024-12-07-idlib'];
const FACTIONS = ['hts', 'sna', 'saa'];
const OPERATIONS = ['homs', 'aleppo'];
const CLAIMS = ['sana-homs-held'];
const PUBLISHERS = ['sohr', 'sana'];

const refs: CampaignReferences = {
  campaignId: 'syria-2024',
  timeZone: 'Asia/Damascus',
  campaign: { timeZone: 'Asia/Damascus', window: { from: '2024-11-27', to: '2024-12-31' } },
  knownIds: (kind) =>
    ({
      place: Object.keys(PLACES),
      source: SOURCES,
      faction: FACTIONS,
      operation: OPERATIONS,
      claim: CLAIMS,
      publisher: PUBLISHERS,
    })[kind],
  hasPlace: (id) => id in PLACES,
  placeKind: (id) => PLACES[id],
  hasSource: (id) => SOURCES.includes(id),
  hasFaction: (id) => FACTIONS.includes(id),
  hasOperation: (id) => OPERATIONS.includes(id),
  hasClaim: (id) => CLAIMS.includes(id),
  isPublisher: (id) => PUBLISHERS.includes(id),
};

const control = (fields: Record<string, unknown> = {}) => ({
  claimId: 'homs-2024-12-06-rastan',
  type: 'control',
  operation: 'homs',
  time: { date: '2024-12-06' },
  sources: ['sohr-2024-12-06-rastan'],
  quote: 'On 6 December 2024, opposition forces captured Al-Rastan.',
  place: 'al-rastan',
  status: 'controlled',
  controller: 'hts',
  ...fields,
});
const casualties = (fields: Record<string, unknown> = {}) => ({
  claimId: 'idlib-airstrike-2024-12-07',
  type: 'casualties',
  time: { date: '2024-12-07' },
  sources: ['sohr-2024-12-07-idlib'],
  quote: 'An airstrike on Idlib killed 20 civilians.',
  side: 'civilians',
  category: 'killed',
  count: 20,
  scope: 'incident',
  place: 'idlib',
  ...fields,
});

const DAY_6 = { from: '2024-12-05T21:00:00.000Z', to: '2024-12-06T21:00:00.000Z', precision: 'day' };

function prepared(input: unknown): ClaimData {
  const result = prepareClaim(input, refs);
  if (!result.ok) throw new Error(`expected a prepared claim, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

function errorsOf(result: { ok: true } | { ok: false; errors: FieldError[] }): FieldError[] {
  if (result.ok) throw new Error('expected errors, got a prepared value');
  return result.errors;
}
const pathsOf = (result: { ok: true } | { ok: false; errors: FieldError[] }) => errorsOf(result).map((e) => e.path);

describe('prepareClaim', () => {
  it('given a valid control claim, when prepared, then it carries the campaign, the normalised time and the written time', () => {
    expect(prepared(control())).toEqual({
      claimId: 'homs-2024-12-06-rastan',
      campaignId: 'syria-2024',
      type: 'control',
      operation: 'homs',
      time: DAY_6,
      writtenTime: { date: '2024-12-06' },
      sources: ['sohr-2024-12-06-rastan'],
      quote: 'On 6 December 2024, opposition forces captured Al-Rastan.',
      place: 'al-rastan',
      status: 'controlled',
      controller: 'hts',
    });
  });

  it("given a campaign's time zone, when a claim is prepared, then its time is normalised in that zone", () => {
    const palmyra: CampaignReferences = {
      ...refs,
      campaignId: 'palmyra-2017',
      campaign: { timeZone: 'Asia/Damascus', window: { from: '2016-12-08', to: '2017-03-05' } },
    };
    const result = prepareClaim(control({ time: { date: '2017-01-15', part: 'evening' } }), palmyra);
    expect(result.ok && result.value.time).toEqual({
      from: '2017-01-15T16:00:00.000Z',
      to: '2017-01-15T19:00:00.000Z',
      precision: 'part-of-day',
    });
  });

  it('given a claim dated after the campaign window, when prepared, then the error is at time and names the window', () => {
    expect(errorsOf(prepareClaim(control({ time: { date: '2025-06-06' } }), refs))).toEqual([
      {
        path: 'time',
        message:
          "must fall within the campaign's window, 2024-11-27 to 2024-12-31 (local days, Asia/Damascus); this time falls on 2025-06-06",
      },
    ]);
  });

  it('given a claim on the last day of the window in its zone, when prepared, then it is inside', () => {
    expect(prepareClaim(control({ time: { date: '2024-12-31', part: 'night' } }), refs).ok).toBe(true);
  });

  it('given a claim before the window but inside the claim window, when prepared, then it is accepted', () => {
    const background: CampaignReferences = {
      ...refs,
      campaign: { ...refs.campaign, claimWindow: { from: '2024-10-01', to: '2024-12-31' } },
    };
    expect(prepareClaim(control({ time: { from: '2024-10-01', to: '2024-10-31' } }), background).ok).toBe(true);
  });

  it('given a place id one slip away from a known one, when prepared, then the message suggests it', () => {
    expect(errorsOf(prepareClaim(control({ place: 'hmos' }), refs))).toEqual([
      { path: 'place', message: 'unknown place "hmos"; did you mean "homs"?' },
    ]);
  });

  it('given the side "civilian", when prepared, then the message suggests civilians', () => {
    expect(errorsOf(prepareClaim(casualties({ side: 'civilian' }), refs))).toEqual([
      { path: 'side', message: 'unknown side "civilian"; did you mean "civilians"? (a side is a faction or "civilians")' },
    ]);
  });

  it('given an unknown place, when prepared, then the error is at place and names the place', () => {
    expect(errorsOf(prepareClaim(control({ place: 'atlantis' }), refs))).toEqual([
      { path: 'place', message: 'unknown place "atlantis"' },
    ]);
  });

  it('given an unknown second source, when prepared, then the error is at sources.1', () => {
    expect(errorsOf(prepareClaim(control({ sources: ['sohr-2024-12-06-rastan', 'blog-post'] }), refs))).toEqual([
      { path: 'sources.1', message: 'unknown source "blog-post"' },
    ]);
  });

  it('given an unknown controller, when prepared, then the error is at controller', () => {
    expect(errorsOf(prepareClaim(control({ controller: 'wagner' }), refs))).toEqual([
      { path: 'controller', message: 'unknown faction "wagner"' },
    ]);
  });

  it.each([
    ['contestedBy', { status: 'contested', controller: 'saa', contestedBy: 'wagner' }],
    ['besiegedBy', { status: 'besieged', controller: 'saa', besiegedBy: 'wagner' }],
    ['vacatedBy', { status: 'vacated', controller: null, vacatedBy: 'wagner' }],
  ])('given an unknown faction in %s, when prepared, then the error is at that field', (field, fields) => {
    expect(pathsOf(prepareClaim(control(fields), refs))).toEqual([field]);
  });

  it('given whom a place was taken from, when prepared, then takenFrom is kept', () => {
    expect(prepared(control({ takenFrom: 'saa' }))).toMatchObject({ controller: 'hts', takenFrom: 'saa' });
  });

  it('given takenFrom naming no faction of the campaign, when prepared, then the error is at takenFrom and names it', () => {
    expect(errorsOf(prepareClaim(control({ takenFrom: 'army' }), refs))).toEqual([
      { path: 'takenFrom', message: 'unknown faction "army"' },
    ]);
  });

  it('given takenFrom equal to the controller, when prepared, then the error is at takenFrom', () => {
    expect(pathsOf(prepareClaim(control({ takenFrom: 'hts' }), refs))).toEqual(['takenFrom']);
  });

  it('given coversPlaces on a governorate, when prepared, then the claim covers it', () => {
    expect(prepared(control({ place: 'idlib', coversPlaces: true }))).toMatchObject({ place: 'idlib', coversPlaces: true });
  });

  it('given coversPlaces on a town, when prepared, then the error is at coversPlaces and says which kinds may cover places', () => {
    expect(errorsOf(prepareClaim(control({ coversPlaces: true }), refs))).toEqual([
      {
        path: 'coversPlaces',
        message: 'applies only to a place of kind region, district, governorate, country; "al-rastan" is a town',
      },
    ]);
  });

  it('given an unknown operation, when prepared, then the error is at operation', () => {
    expect(errorsOf(prepareClaim(control({ operation: 'mars' }), refs))).toEqual([
      { path: 'operation', message: 'unknown operation "mars"' },
    ]);
  });

  it('given a claim attributed to an unknown publisher, when prepared, then the error is at attributedTo', () => {
    expect(errorsOf(prepareClaim(control({ attributedTo: 'anonymous-blog' }), refs))).toEqual([
      { path: 'attributedTo', message: 'unknown publisher "anonymous-blog"' },
    ]);
  });

  it('given a claim attributed to a known publisher, when prepared, then it keeps the attribution', () => {
    expect(prepared(control({ attributedTo: 'sana' })).attributedTo).toBe('sana');
  });

  it('given a claim denying an unknown claim, when prepared, then the error is at denies.0', () => {
    expect(errorsOf(prepareClaim(control({ denies: ['no-such-claim'] }), refs))).toEqual([
      { path: 'denies.0', message: 'unknown claim "no-such-claim"' },
    ]);
  });

  it('given a claim denying a known claim, when prepared, then the denial is kept', () => {
    expect(prepared(control({ denies: ['sana-homs-held'] })).denies).toEqual(['sana-homs-held']);
  });

  it('given a claim denying itself, when prepared, then the error is at denies and says so', () => {
    const selfDenying: CampaignReferences = { ...refs, hasClaim: (id) => id === 'homs-2024-12-06-rastan' };
    expect(errorsOf(prepareClaim(control({ denies: ['homs-2024-12-06-rastan'] }), selfDenying))).toEqual([
      { path: 'denies.0', message: 'a claim cannot refer to itself' },
    ]);
  });

  it('given a casualty claim corroborating itself, when prepared, then the error is at corroborates', () => {
    expect(pathsOf(prepareClaim(casualties({ corroborates: 'idlib-airstrike-2024-12-07' }), refs))).toEqual(['corroborates']);
  });

  it('given civilians as the casualty side, when prepared, then it is accepted although civilians is no faction', () => {
    expect(refs.hasFaction('civilians')).toBe(false);
    expect((prepared(casualties()) as unknown as { side: string }).side).toBe('civilians');
  });

  it('given an unknown faction as the casualty side, when prepared, then the error is at side', () => {
    expect(pathsOf(prepareClaim(casualties({ side: 'wagner' }), refs))).toEqual(['side']);
  });

  it('given a territory claim for an unknown faction, when prepared, then the error is at faction', () => {
    const territory = {
      type: 'territory',
      time: { date: '2024-12-06' },
      sources: ['sohr-2024-12-06-rastan'],
      quote: 'Twelve villages fell.',
      faction: 'wagner',
      settlements: 12,
      scope: 'incident',
    };
    expect(pathsOf(prepareClaim(territory, refs))).toEqual(['faction']);
  });

  it('given an incident naming an unknown second actor, when prepared, then the error is at actors.1', () => {
    const incident = {
      type: 'incident',
      time: { date: '2024-12-06' },
      sources: ['sohr-2024-12-07-idlib'],
      quote: 'Jets struck Idlib.',
      kind: 'airstrike',
      place: 'idlib',
      actors: ['saa', 'vks'],
    };
    expect(pathsOf(prepareClaim(incident, refs))).toEqual(['actors.1']);
  });

  it('given an invalid date and an unknown place, when prepared, then both errors are reported', () => {
    expect(pathsOf(prepareClaim(control({ time: { date: '2024-02-30' }, place: 'atlantis' }), refs))).toEqual([
      'time.date',
      'place',
    ]);
  });

  it('given a schema error, when prepared, then the reference check is not reached and the schema error is reported', () => {
    expect(pathsOf(prepareClaim(casualties({ count: { best: -1 }, place: 'atlantis' }), refs))).toEqual(['count.best']);
  });
});

describe('prepareClaim: ids derived from content', () => {
  const withoutId = () => {
    const { claimId: _omitted, ...claim } = control();
    return claim;
  };

  it('given a claim without claimId, when prepared, then its id is its type and a content hash', () => {
    expect(prepared(withoutId()).claimId).toMatch(/^control-[0-9a-f]{20}$/);
  });

  it('given the same content written with its keys in another order, when prepared twice, then the ids are equal', () => {
    const claim = withoutId();
    const reordered = Object.fromEntries(Object.entries(claim).reverse());
    expect(prepared(reordered).claimId).toBe(prepared(claim).claimId);
  });

  it('given content differing only in the quote, when prepared, then the ids differ', () => {
    expect(prepared({ ...withoutId(), quote: 'Opposition forces entered Al-Rastan.' }).claimId).not.toBe(
      prepared(withoutId()).claimId,
    );
  });

  it('given content differing only in the time, when prepared, then the ids differ', () => {
    expect(prepared({ ...withoutId(), time: { date: '2024-12-07' } }).claimId).not.toBe(prepared(withoutId()).claimId);
  });

  it('given an author id, when prepared, then the author id is kept rather than derived', () => {
    expect(prepared(control()).claimId).toBe('homs-2024-12-06-rastan');
  });

  it('given a casualty claim without claimId, when prepared, then its id starts with casualties-', () => {
    const { claimId: _omitted, ...claim } = casualties();
    expect(prepared(claim).claimId).toMatch(/^casualties-[0-9a-f]{20}$/);
  });

  it('given a fixed claim, when its id is derived, then it is the same id as in every earlier release (ids are stored)', () => {
    const claim = ClaimInput.parse(withoutId());
    expect(derivedClaimId(claim)).toBe(derivedClaimId(ClaimInput.parse(withoutId())));
    expect(derivedClaimId(claim)).toBe('control-1894a94532eb46b825f7');
  });

  it('given an author id, when the derived id is computed, then the author id does not enter the hash', () => {
    const withId = ClaimInput.parse(control({ claimId: 'some-author-id' }));
    expect(derivedClaimId(withId)).toBe(derivedClaimId(ClaimInput.parse(withoutId())));
  });
});

describe('prepareClaim in a batch', () => {
  it('given claim 3 of a batch names an unknown place, when prepared with its prefix, then the error is at claims.3.place', () => {
    expect(pathsOf(prepareClaim(control({ place: 'atlantis' }), refs, 'claims.3'))).toEqual(['claims.3.place']);
  });

  it('given claim 3 of a batch has a bad date, when prepared with its prefix, then the error is at claims.3.time.date', () => {
    expect(pathsOf(prepareClaim(control({ time: { date: '2024-02-30' } }), refs, 'claims.3'))).toEqual(['claims.3.time.date']);
  });

  it('given claim 3 of a batch has a bad count, when prepared with its prefix, then the error is at claims.3.count.best', () => {
    expect(pathsOf(prepareClaim(casualties({ count: { best: -1 } }), refs, 'claims.3'))).toEqual(['claims.3.count.best']);
  });

  it('given claim 3 of a batch has an unknown second source, when prepared with its prefix, then the error is at claims.3.sources.1', () => {
    expect(pathsOf(prepareClaim(control({ sources: ['sohr-2024-12-06-rastan', 'nope'] }), refs, 'claims.3'))).toEqual([
      'claims.3.sources.1',
    ]);
  });
});

describe('prepareCorrection', () => {
  const correction = (changes: Record<string, unknown>, sources = ['sana-2024-12-07-homs']): ClaimCorrectionInput => ({
    expectedRevision: 0,
    changes,
    sources,
    reason: 'a later report',
  });

  it('given a casualty claim, when its count is corrected, then the changes hold the new count', () => {
    const result = prepareCorrection(prepared(casualties()), correction({ count: { best: 25, low: 20, high: 30 } }), refs);
    expect(result).toEqual({ ok: true, value: { count: { best: 25, low: 20, high: 30 } } });
  });

  it('given a claim, when its time is corrected, then the changes hold both the normalised time and the written time', () => {
    const result = prepareCorrection(prepared(control()), correction({ time: { date: '2024-12-07', part: 'morning' } }), refs);
    expect(result).toEqual({
      ok: true,
      value: {
        time: { from: '2024-12-07T03:00:00.000Z', to: '2024-12-07T09:00:00.000Z', precision: 'part-of-day' },
        writtenTime: { date: '2024-12-07', part: 'morning' },
      },
    });
  });

  it('given a besieged claim, when its status is corrected to controlled with besiegedBy null, then besiegedBy is removed', () => {
    const besieged = prepared(control({ status: 'besieged', controller: 'saa', besiegedBy: 'hts' }));
    const result = prepareCorrection(besieged, correction({ status: 'controlled', controller: 'hts', besiegedBy: null }), refs);
    expect(result).toEqual({ ok: true, value: { status: 'controlled', controller: 'hts', besiegedBy: null } });
  });

  it('given a controlled claim, when corrected to contested with a null controller, then the null holder is kept', () => {
    const result = prepareCorrection(
      prepared(control()),
      correction({ status: 'contested', controller: null, contestedBy: 'hts' }),
      refs,
    );
    expect(result).toEqual({ ok: true, value: { status: 'contested', controller: null, contestedBy: 'hts' } });
  });

  it('given a claim with an operation, when corrected with operation null, then the change removes it', () => {
    expect(prepareCorrection(prepared(control()), correction({ operation: null }), refs)).toEqual({
      ok: true,
      value: { operation: null },
    });
  });

  it('given a claim whose id was derived, when its quote is corrected, then the correction is accepted', () => {
    const { claimId: _omitted, ...claim } = control();
    expect(prepareCorrection(prepared(claim), correction({ quote: 'Rebels took Rastan.' }), refs)).toEqual({
      ok: true,
      value: { quote: 'Rebels took Rastan.' },
    });
  });

  it.each(['claimId', 'type'])(
    'given a correction changing %s, when prepared, then it is rejected under changes with a hint to record a new claim',
    (field) => {
      expect(errorsOf(prepareCorrection(prepared(control()), correction({ [field]: 'other' }), refs))).toEqual([
        { path: `changes.${field}`, message: 'cannot be corrected: record a new claim' },
      ]);
    },
  );

  it('given a correction changing a field no claim has, when prepared, then it is rejected at that field', () => {
    expect(pathsOf(prepareCorrection(prepared(control()), correction({ colour: 'green' }), refs))).toEqual(['changes.colour']);
  });

  it('given a control claim, when a casualty field is corrected onto it, then the merged claim is invalid at changes.count', () => {
    expect(pathsOf(prepareCorrection(prepared(control()), correction({ count: 5 }), refs))).toEqual(['changes.count']);
  });

  it('given a controlled claim, when its status is set to vacated without vacatedBy, then the error is under changes.', () => {
    expect(pathsOf(prepareCorrection(prepared(control()), correction({ status: 'vacated', controller: null }), refs))).toEqual([
      'changes.vacatedBy',
    ]);
  });

  it('given a controlled claim, when its controller is removed, then the merged claim misses changes.controller', () => {
    expect(pathsOf(prepareCorrection(prepared(control()), correction({ controller: null }), refs))).toEqual([
      'changes.controller',
    ]);
  });

  it('given a correction to an unknown place, when prepared, then the error is at changes.place', () => {
    expect(pathsOf(prepareCorrection(prepared(control()), correction({ place: 'atlantis' }), refs))).toEqual(['changes.place']);
  });

  it('given a correction to an impossible date, when prepared, then the error is at changes.time.date', () => {
    expect(pathsOf(prepareCorrection(prepared(control()), correction({ time: { date: '2024-02-30' } }), refs))).toEqual([
      'changes.time.date',
    ]);
  });

  it('given a corrected count with low above best, when prepared, then the error is at changes.count.low', () => {
    expect(pathsOf(prepareCorrection(prepared(casualties()), correction({ count: { best: 5, low: 9 } }), refs))).toEqual([
      'changes.count.low',
    ]);
  });

  it('given a correction citing an unknown source, when prepared, then the error is at sources.1', () => {
    expect(
      errorsOf(prepareCorrection(prepared(control()), correction({ quote: 'x' }, ['sana-2024-12-07-homs', 'nope']), refs)),
    ).toEqual([{ path: 'sources.1', message: 'unknown source "nope"' }]);
  });
});
