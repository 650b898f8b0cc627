import { describe, expect, it } from 'vitest';
import { parseWith } from '../common/zod-errors';
import {
  CasualtiesClaimInput,
  CLAIM_TYPES,
  ClaimCorrectionInput,
  ClaimInput,
  ClaimRankInput,
  ClaimRetractionInput,
  ControlClaimInput,
  Count,
  IncidentClaimInput,
  TerritoryClaimInput,
} from './claim.schema';

const common = {
  time: { date: '2024-12-06' },
  sources: ['sohr-2024-12-06-rastan'],
  quote: 'On 6 December 2024, opposition forces captured Al-Rastan.',
};

const control = (fields: Record<string, unknown> = {}) => ({
  type: 'control',
  ...common,
  place: 'al-rastan',
  status: 'controlled',
  controller: 'hts',
  ...fields,
});
const casualties = (fields: Record<string, unknown> = {}) => ({
  type: 'casualties',
  ...common,
  quote: 'An airstrike on Idlib killed 20 civilians.',
  side: 'civilians',
  category: 'killed',
  count: 20,
  scope: 'incident',
  place: 'idlib',
  ...fields,
});
const territory = (fields: Record<string, unknown> = {}) => ({
  type: 'territory',
  ...common,
  quote: 'Opposition forces captured 12 villages in the Hama countryside.',
  faction: 'hts',
  settlements: 12,
  scope: 'incident',
  ...fields,
});
const incident = (fields: Record<string, unknown> = {}) => ({
  type: 'incident',
  ...common,
  quote: 'Russian and Syrian jets struck Idlib city.',
  kind: 'airstrike',
  place: 'idlib',
  actors: ['saa'],
  ...fields,
});

function errorPaths(input: unknown): string[] {
  const result = parseWith(ClaimInput, input);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors.map((e) => e.path);
}

describe('ClaimInput: the four claim types', () => {
  it.each([
    ['control', control()],
    ['casualties', casualties()],
    ['territory', territory()],
    ['incident', incident()],
  ])('given a well-formed %s claim, when parsed, then it is accepted unchanged', (_type, claim) => {
    expect(parseWith(ClaimInput, claim)).toEqual({ ok: true, value: claim });
  });

  it('given a claim of an unknown type, when parsed, then the error is at type', () => {
    expect(errorPaths({ ...control(), type: 'rumour' })).toEqual(['type']);
  });

  it('given a claim with a field no claim has, when parsed, then the field is rejected by name', () => {
    expect(errorPaths(control({ colour: 'green' }))).toEqual(['colour']);
  });

  it('given a control claim with a casualty field, when parsed, then the field is rejected by name', () => {
    expect(errorPaths(control({ count: 20 }))).toEqual(['count']);
  });

  it('given a claim with no sources, when parsed, then the error is at sources', () => {
    expect(errorPaths(control({ sources: [] }))).toEqual(['sources']);
  });

  it('given a claim without sources, when parsed, then the error is at sources', () => {
    const { sources: _omitted, ...claim } = control();
    expect(errorPaths(claim)).toEqual(['sources']);
  });

  it('given a blank quote, when parsed, then the error is at quote', () => {
    expect(errorPaths(control({ quote: '   ' }))).toEqual(['quote']);
  });

  it('given a place that is not a slug, when parsed, then the error is at place', () => {
    expect(errorPaths(control({ place: 'Al Rastan' }))).toEqual(['place']);
  });

  it('given an unknown key inside time, when parsed, then the error names time and the key', () => {
    expect(errorPaths(control({ time: { date: '2024-12-06', when: 'dawn' } }))).toEqual(['time.when']);
  });

  it('given a quote with surrounding spaces, when parsed, then it is trimmed', () => {
    const result = parseWith(ClaimInput, control({ quote: '  Rastan fell.  ' }));
    expect(result.ok && result.value.quote).toBe('Rastan fell.');
  });
});

describe('CLAIM_TYPES: the words the viewer offers for a claim type', () => {
  it('are exactly the types the claim schemas accept', () => {
    const schemaTypes = [ControlClaimInput, CasualtiesClaimInput, TerritoryClaimInput, IncidentClaimInput].map(
      (schema) => schema.shape.type.value,
    );
    expect([...CLAIM_TYPES].sort()).toEqual(schemaTypes.sort());
  });
});

describe('ClaimInput: control vocabulary', () => {
  it('given controlled without a controller, when parsed, then controller is required', () => {
    const { controller: _omitted, ...claim } = control();
    expect(errorPaths(claim)).toEqual(['controller']);
  });

  it('given controlled with a null controller, when parsed, then controller is required', () => {
    expect(errorPaths(control({ controller: null }))).toEqual(['controller']);
  });

  it('given controlled with contestedBy, when parsed, then contestedBy is rejected', () => {
    expect(errorPaths(control({ contestedBy: 'saa' }))).toEqual(['contestedBy']);
  });

  it('given vacated with vacatedBy and no controller, when parsed, then it is accepted', () => {
    const { controller: _omitted, ...claim } = control({ status: 'vacated', vacatedBy: 'saa' });
    expect(parseWith(ClaimInput, claim).ok).toBe(true);
  });

  it('given vacated with a controller, when parsed, then controller is rejected', () => {
    expect(errorPaths(control({ status: 'vacated', vacatedBy: 'saa', controller: 'hts' }))).toEqual(['controller']);
  });

  it('given vacated without vacatedBy, when parsed, then vacatedBy is required', () => {
    const { controller: _omitted, ...claim } = control({ status: 'vacated' });
    expect(errorPaths(claim)).toEqual(['vacatedBy']);
  });

  it('given besieged with a controller and besiegedBy, when parsed, then it is accepted', () => {
    expect(parseWith(ClaimInput, control({ status: 'besieged', controller: 'saa', besiegedBy: 'hts' })).ok).toBe(true);
  });

  it('given besieged without besiegedBy, when parsed, then besiegedBy is required', () => {
    expect(errorPaths(control({ status: 'besieged', controller: 'saa' }))).toEqual(['besiegedBy']);
  });

  it('given besieged without a controller, when parsed, then controller is required', () => {
    const { controller: _omitted, ...claim } = control({ status: 'besieged', besiegedBy: 'hts' });
    expect(errorPaths(claim)).toEqual(['controller']);
  });

  it('given contested with a null controller and contestedBy, when parsed, then it is accepted (the holder may be unknown)', () => {
    expect(parseWith(ClaimInput, control({ status: 'contested', controller: null, contestedBy: 'hts' })).ok).toBe(true);
  });

  it('given contested with a holder and contestedBy, when parsed, then it is accepted', () => {
    expect(parseWith(ClaimInput, control({ status: 'contested', controller: 'saa', contestedBy: 'hts' })).ok).toBe(true);
  });

  it('given contested without contestedBy, when parsed, then contestedBy is required', () => {
    expect(errorPaths(control({ status: 'contested', controller: 'saa' }))).toEqual(['contestedBy']);
  });

  it('given an unknown status, when parsed, then the error is at status', () => {
    expect(errorPaths(control({ status: 'liberated' }))).toEqual(['status']);
  });
});

describe('ClaimInput: casualty counts', () => {
  it.each([
    ['a single number', 20],
    ['best, low and high', { best: 571, low: 500, high: 600 }],
    ['open-ended "283+"', { best: 283, low: 283, openEnded: true }],
    ['"c. 1,000"', { best: 1000 }],
    ['zero', 0],
  ])('given %s, when parsed, then the count is accepted as written', (_form, count) => {
    const result = parseWith(ClaimInput, casualties({ count }));
    expect(result.ok && (result.value as { count: unknown }).count).toEqual(count);
  });

  it('given low above best, when parsed, then the error is at count.low', () => {
    expect(errorPaths(casualties({ count: { best: 20, low: 25 } }))).toEqual(['count.low']);
  });

  it('given high below best, when parsed, then the error is at count.high', () => {
    expect(errorPaths(casualties({ count: { best: 20, high: 10 } }))).toEqual(['count.high']);
  });

  it('given an open-ended count with a high, when parsed, then the error is at count.high', () => {
    expect(errorPaths(casualties({ count: { best: 283, low: 283, high: 300, openEnded: true } }))).toEqual(['count.high']);
  });

  it('given a negative best, when parsed, then the error is at the dotted path count.best', () => {
    expect(errorPaths(casualties({ count: { best: -1 } }))).toEqual(['count.best']);
  });

  it('given a count object with an unknown key, when parsed, then the key is rejected under count', () => {
    expect(errorPaths(casualties({ count: { best: 20, approx: true } }))).toEqual(['count.approx']);
  });

  it('given "283+" written as a string, when parsed, then the error is at count', () => {
    expect(errorPaths(casualties({ count: '283+' }))).toEqual(['count']);
  });

  it('given an unknown category, when parsed, then the error is at category', () => {
    expect(errorPaths(casualties({ category: 'injured' }))).toEqual(['category']);
  });

  it('given an unknown scope, when parsed, then the error is at scope', () => {
    expect(errorPaths(casualties({ scope: 'daily' }))).toEqual(['scope']);
  });
});

describe('Count', () => {
  it('given 283 with low 283 and openEnded, when parsed, then it is the open-ended count', () => {
    expect(Count.parse({ best: 283, low: 283, openEnded: true })).toEqual({ best: 283, low: 283, openEnded: true });
  });

  it('given a fractional number, when parsed, then it is rejected', () => {
    expect(Count.safeParse(20.5).success).toBe(false);
  });
});

describe('ClaimInput: territory', () => {
  it('given neither settlements nor areaKm2, when parsed, then the error is at settlements', () => {
    const { settlements: _omitted, ...claim } = territory();
    expect(errorPaths(claim)).toEqual(['settlements']);
  });

  it('given only areaKm2, when parsed, then it is accepted', () => {
    const { settlements: _omitted, ...claim } = territory({ areaKm2: 250.5 });
    expect(parseWith(ClaimInput, claim).ok).toBe(true);
  });
});

describe('ClaimCorrectionInput', () => {
  const correction = {
    expectedRevision: 0,
    changes: { count: 25 },
    sources: ['sohr-2024-12-07-idlib'],
    reason: 'SOHR raised the toll the next day',
  };

  it('given a well-formed correction, when parsed, then it is accepted', () => {
    expect(parseWith(ClaimCorrectionInput, correction)).toEqual({ ok: true, value: correction });
  });

  it('given no changes, when parsed, then the error is at changes', () => {
    expect(parseWith(ClaimCorrectionInput, { ...correction, changes: {} })).toEqual({
      ok: false,
      errors: [{ path: 'changes', message: 'change at least one field' }],
    });
  });

  it('given no correcting source, when parsed, then the error is at sources', () => {
    const result = parseWith(ClaimCorrectionInput, { ...correction, sources: [] });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['sources']);
  });

  it('given a negative expected revision, when parsed, then the error is at expectedRevision', () => {
    const result = parseWith(ClaimCorrectionInput, { ...correction, expectedRevision: -1 });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['expectedRevision']);
  });
});

describe('ClaimRetractionInput and ClaimRankInput', () => {
  it('given a retraction without sources, when parsed, then it is accepted (sources are optional)', () => {
    expect(parseWith(ClaimRetractionInput, { expectedRevision: 2, reason: 'duplicate of another claim' })).toEqual({
      ok: true,
      value: { expectedRevision: 2, reason: 'duplicate of another claim' },
    });
  });

  it('given a retraction with an unknown field, when parsed, then the field is rejected', () => {
    const result = parseWith(ClaimRetractionInput, { expectedRevision: 2, reason: 'dup', force: true });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['force']);
  });

  it('given a retraction without a reason, when parsed, then the error is at reason', () => {
    const result = parseWith(ClaimRetractionInput, { expectedRevision: 2, reason: ' ' });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['reason']);
  });

  it.each(['preferred', 'normal', 'deprecated'])('given rank %s, when parsed, then it is accepted', (rank) => {
    expect(parseWith(ClaimRankInput, { rank, reason: 'editorial review' })).toEqual({
      ok: true,
      value: { rank, reason: 'editorial review' },
    });
  });

  it('given an unknown rank, when parsed, then the error is at rank', () => {
    const result = parseWith(ClaimRankInput, { rank: 'top', reason: 'editorial review' });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['rank']);
  });
});
