import { describe, expect, it } from 'vitest';
import { formFields, type FormField } from '../../apps/viewer/src/claim-fields';
import { claimSchema } from '../../apps/viewer/src/claim-schemas';

const vocabularies = {
  factions: [
    { value: 'hts', label: 'Hayat Tahrir al-Sham' },
    { value: 'saa', label: 'Syrian Arab Army' },
  ],
  places: [{ value: 'homs', label: 'Homs' }],
};
const byName = (fields: FormField[]) => Object.fromEntries(fields.map((f) => [f.name, f]));

describe('the correction form of a claim type, from the domain schema', () => {
  it('given a casualty claim, then the form offers its own fields with their vocabularies and units, then the quote and note', () => {
    const fields = formFields(claimSchema('casualties'), vocabularies);
    expect(fields.map((f) => f.name)).toEqual(['side', 'category', 'count', 'scope', 'corroborates', 'place', 'quote', 'note']);
    const f = byName(fields);
    expect(f.side!.control).toEqual({
      kind: 'choice',
      choices: [{ value: 'civilians', label: 'civilians' }, ...vocabularies.factions],
    });
    expect(f.category!.control).toMatchObject({ kind: 'choice' });
    expect(f.category!.control.kind === 'choice' && f.category!.control.choices.map((c) => c.value)).toContain(
      'killed-or-wounded',
    );
    expect(f.count!.control).toEqual({ kind: 'count', unit: 'people' });
    expect(f.place!.control).toEqual({ kind: 'choice', choices: vocabularies.places });
    expect([f.side!.required, f.count!.required, f.place!.required, f.note!.required]).toEqual([true, true, false, false]);
  });

  it('given a control claim, then status is a choice of the control vocabulary, factions are choices, and a controller may be none', () => {
    const f = byName(formFields(claimSchema('control'), vocabularies));
    expect(f.status!.control).toEqual({
      kind: 'choice',
      choices: ['controlled', 'contested', 'besieged', 'vacated'].map((s) => ({ value: s, label: s })),
    });
    expect(f.controller!.control).toEqual({ kind: 'choice', choices: vocabularies.factions });
    expect(f.controller!.required).toBe(false);
    expect(f.contestedBy!.label).toBe('Contested by');
    expect(f.coversPlaces!.control).toEqual({ kind: 'flag' });
    expect(f.time).toBeUndefined();
    expect(f.sources).toBeUndefined();
  });

  it('given a territory claim, then its numbers carry their unit and bounds', () => {
    const f = byName(formFields(claimSchema('territory'), vocabularies));
    expect(f.settlements!.control).toEqual({ kind: 'number', integer: true, min: 0, max: 1_000_000, unit: 'settlements' });
    expect(f.areaKm2!.control).toEqual({ kind: 'number', integer: false, min: 0, max: 10_000_000, unit: 'km²' });
    expect(f.faction!.control).toEqual({ kind: 'choice', choices: vocabularies.factions });
  });

  it('given an incident, then its actors are several factions and its kind a choice of incident kinds', () => {
    const f = byName(formFields(claimSchema('incident'), vocabularies));
    expect(f.actors!.control).toEqual({ kind: 'choices', choices: vocabularies.factions });
    expect(f.kind!.control.kind === 'choice' && f.kind!.control.choices.map((c) => c.value)).toContain('drone-strike');
  });
});
