import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourDistance, labOf } from '../../apps/viewer/src/lab-colour';
import { MIN_SIDE_DISTANCE, seriesLines, sideColours } from '../../apps/viewer/src/side-colours';
import type { Campaign } from '../../apps/viewer/src/types';

const campaign = (id: string): Campaign =>
  JSON.parse(readFileSync(join(__dirname, `../../events/${id}/campaign.json`), 'utf8')) as Campaign;
const syria = campaign('syria-2024');
const palmyra = campaign('palmyra-2017');
/** Every side the shipped campaigns report casualties of. */
const SYRIA_SIDES = ['civilians', 'hts', 'iran', 'isis', 'moc', 'opposition-local', 'russia', 'saa', 'sdf', 'sna'];
const blocOf = (c: Campaign, side: string) => c.blocs.find((b) => b.id === c.factions.find((f) => f.id === side)?.bloc);
const hue = (hex: string) => {
  const [, a, b] = labOf(hex);
  return (Math.atan2(b, a) * 180) / Math.PI;
};

describe('the colour of each side of the casualty chart', () => {
  it.each([
    ['syria-2024', syria, SYRIA_SIDES],
    ['palmyra-2017', palmyra, ['isis', 'russia', 'saa']],
    ['a side of no bloc', syria, [...SYRIA_SIDES, 'coalition', 'unknown']],
  ])('given the sides of %s, then no two are within the minimum distance of each other', (_, c, sides) => {
    const colours = sideColours(sides, c);
    expect([...colours.keys()].sort()).toEqual([...sides].sort());
    const entries = [...colours];
    for (const [i, [a, ca]] of entries.entries())
      for (const [b, cb] of entries.slice(i + 1))
        expect(colourDistance(ca, cb), `${a} ${ca} against ${b} ${cb}`).toBeGreaterThanOrEqual(MIN_SIDE_DISTANCE);
  });

  it('given a faction of a bloc, then its side takes a shade of its bloc’s colour on the map', () => {
    const colours = sideColours(SYRIA_SIDES, syria);
    for (const side of SYRIA_SIDES.filter((s) => s !== 'civilians')) {
      const bloc = blocOf(syria, side)!;
      const turn = Math.abs(((hue(colours.get(side)!) - hue(bloc.color) + 540) % 360) - 180);
      // a grey has no hue to keep
      if (Math.hypot(labOf(bloc.color)[1], labOf(bloc.color)[2]) > 10) expect(turn, side).toBeLessThanOrEqual(40);
    }
    // the first faction of a bloc takes the shade nearest its colour
    expect(colourDistance(colours.get('hts')!, '#4caf50')).toBeLessThan(8);
    expect(colourDistance(colours.get('saa')!, '#e53935')).toBeLessThan(8);
    expect(colourDistance(sideColours(['saa', 'russia'], palmyra).get('saa')!, '#e53935')).toBeLessThan(3);
  });

  it('given the pairs readers confused, then they are told apart, and from the blocs they were taken for', () => {
    const colours = sideColours(SYRIA_SIDES, syria);
    const israel = syria.blocs.find((b) => b.id === 'israel')!.color;
    const far = (a: string, b: string) => expect(colourDistance(a, b), `${a} ${b}`).toBeGreaterThanOrEqual(MIN_SIDE_DISTANCE);
    far(colours.get('iran')!, colours.get('saa')!);
    far(colours.get('iran')!, '#e53935');
    far(colours.get('moc')!, israel);
    far(colours.get('civilians')!, colours.get('isis')!);
  });

  it('given civilians, then their colour is a neutral no bloc uses', () => {
    for (const c of [syria, palmyra]) {
      const civilians = sideColours(['civilians', 'isis', 'saa'], c).get('civilians')!;
      for (const bloc of c.blocs) expect(colourDistance(civilians, bloc.color)).toBeGreaterThanOrEqual(MIN_SIDE_DISTANCE);
      expect(Math.hypot(labOf(civilians)[1], labOf(civilians)[2])).toBeLessThan(20);
    }
  });

  it('given another category with fewer sides, then each side keeps its colour', () => {
    const line = (side: string, category: string) => ({
      side,
      category,
      days: [
        { side, category, day: '2024-12-01', daily: count, range: null, preferred: { count, publisher: null, claimId: null } },
      ],
    });
    const series = { series: [line('saa', 'killed'), line('iran', 'killed'), line('russia', 'killed'), line('saa', 'wounded')] };
    const colourOf = (category: string) => seriesLines(series, category, syria).find((l) => l.side === 'saa')?.color;
    expect(colourOf('wounded')).toBe(colourOf('killed'));
  });
});

const count = { best: 1, low: 1, high: 1, openEnded: false };
