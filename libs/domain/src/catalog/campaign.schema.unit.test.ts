import { describe, expect, it } from 'vitest';
import { parseWith } from '../common/zod-errors';
import { CampaignRegistration } from './campaign.schema';

const syria2024 = {
  campaignId: 'syria-2024',
  title: '2024 Syrian opposition offensives',
  timeZone: 'Asia/Damascus',
  window: { from: '2024-11-27', to: '2024-12-08' },
  blocs: [
    { id: 'opposition', name: 'Opposition', color: '#4caf50' },
    { id: 'government', name: 'Government', color: '#e53935' },
  ],
  factions: [
    { id: 'hts', name: "Hay'at Tahrir al-Sham", bloc: 'opposition' },
    { id: 'sna', name: 'Syrian National Army', bloc: 'opposition' },
    { id: 'saa', name: 'Syrian Arab Army', bloc: 'government' },
  ],
  operations: [{ id: 'homs', title: 'Homs offensive' }],
};

function errorPaths(input: unknown): string[] {
  const result = parseWith(CampaignRegistration, input);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors.map((e) => e.path);
}

describe('CampaignRegistration', () => {
  it('given a well-formed campaign, when parsed, then it is accepted unchanged', () => {
    expect(parseWith(CampaignRegistration, syria2024)).toEqual({ ok: true, value: syria2024 });
  });

  it('given a campaign without operations, when parsed, then operations default to none', () => {
    const { operations: _omitted, ...campaign } = syria2024;
    const result = parseWith(CampaignRegistration, campaign);
    expect(result.ok && result.value.operations).toEqual([]);
  });

  it('given a faction in an unknown bloc, when parsed, then the error is at factions.N.bloc', () => {
    const factions = [...syria2024.factions.slice(0, 2), { id: 'sdf', name: 'Syrian Democratic Forces', bloc: 'sdf' }];
    expect(parseWith(CampaignRegistration, { ...syria2024, factions })).toEqual({
      ok: false,
      errors: [{ path: 'factions.2.bloc', message: 'unknown bloc "sdf"' }],
    });
  });

  it('given a time zone that is not IANA, when parsed, then the error is at timeZone', () => {
    expect(errorPaths({ ...syria2024, timeZone: 'Mars/Olympus_Mons' })).toEqual(['timeZone']);
  });

  it('given two factions with the same id, when parsed, then the second is reported at factions.N.id', () => {
    const factions = [...syria2024.factions, { id: 'hts', name: 'HTS again', bloc: 'opposition' }];
    expect(parseWith(CampaignRegistration, { ...syria2024, factions })).toEqual({
      ok: false,
      errors: [{ path: 'factions.3.id', message: 'duplicate id "hts"' }],
    });
  });

  it('given two blocs with the same id, when parsed, then the second is reported at blocs.N.id', () => {
    const blocs = [...syria2024.blocs, { id: 'government', name: 'Regime', color: '#000000' }];
    expect(errorPaths({ ...syria2024, blocs })).toEqual(['blocs.2.id']);
  });

  it('given two operations with the same id, when parsed, then the second is reported at operations.N.id', () => {
    const operations = [...syria2024.operations, { id: 'homs', title: 'Homs again' }];
    expect(errorPaths({ ...syria2024, operations })).toEqual(['operations.1.id']);
  });

  it('given a window that ends before it starts, when parsed, then the error is at window.to', () => {
    expect(errorPaths({ ...syria2024, window: { from: '2024-12-08', to: '2024-11-27' } })).toEqual(['window.to']);
  });

  it('given a window of one day, when parsed, then it is accepted', () => {
    expect(parseWith(CampaignRegistration, { ...syria2024, window: { from: '2024-12-08', to: '2024-12-08' } }).ok).toBe(true);
  });

  it('given a window starting on 2024-02-30, when parsed, then the error is at window.from', () => {
    expect(errorPaths({ ...syria2024, window: { from: '2024-02-30', to: '2024-12-08' } })).toEqual(['window.from']);
  });

  it('given a bloc colour that is not #rrggbb, when parsed, then the error is at blocs.0.color', () => {
    const blocs = [{ ...syria2024.blocs[0], color: 'green' }, syria2024.blocs[1]];
    expect(errorPaths({ ...syria2024, blocs })).toEqual(['blocs.0.color']);
  });

  it('given a campaign id that is not a slug, when parsed, then the error is at campaignId', () => {
    expect(errorPaths({ ...syria2024, campaignId: 'Syria 2024' })).toEqual(['campaignId']);
  });

  it('given a campaign with no factions, when parsed, then the error is at factions', () => {
    expect(errorPaths({ ...syria2024, factions: [] })).toEqual(['factions']);
  });

  it('given an unknown field, when parsed, then it is rejected by name', () => {
    expect(errorPaths({ ...syria2024, region: 'Levant' })).toEqual(['region']);
  });
});

describe('CampaignRegistration: area, admin areas, claim window, colours', () => {
  const area = { south: 32, west: 35, north: 38, east: 43, note: 'approximate bounding box of Syria' };

  it('given an area, admin areas and a claim window around the window, when parsed, then they are kept', () => {
    const campaign = { ...syria2024, area, adminAreas: ['Hama', 'Homs'], claimWindow: { from: '2024-10-01', to: '2025-01-31' } };
    expect(parseWith(CampaignRegistration, campaign)).toEqual({ ok: true, value: campaign });
  });

  it('given an area whose north is south of its south, when parsed, then the error is at area.north', () => {
    expect(errorPaths({ ...syria2024, area: { ...area, north: 30 } })).toEqual(['area.north']);
  });

  it('given an area beyond the poles, when parsed, then the error is at area.south', () => {
    expect(errorPaths({ ...syria2024, area: { ...area, south: -91 } })).toEqual(['area.south']);
  });

  it('given a claim window that starts after the window, when parsed, then the error is at claimWindow.from', () => {
    expect(errorPaths({ ...syria2024, claimWindow: { from: '2024-11-28', to: '2024-12-31' } })).toEqual(['claimWindow.from']);
  });

  it('given the same admin area twice, when parsed, then the second is reported', () => {
    expect(errorPaths({ ...syria2024, adminAreas: ['Hama', 'Hama'] })).toEqual(['adminAreas.1']);
  });

  it('given a colour #rgb, when parsed, then it is stored as #rrggbb, each digit doubled as written', () => {
    const blocs = [
      { ...syria2024.blocs[0], color: '#f00' },
      { ...syria2024.blocs[1], color: '#0A0' },
    ];
    const result = parseWith(CampaignRegistration, { ...syria2024, blocs });
    expect(result.ok && result.value.blocs.map((b) => b.color)).toEqual(['#ff0000', '#00AA00']);
  });
});
