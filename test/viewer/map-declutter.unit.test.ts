import { describe, expect, it } from 'vitest';
import { absorbed, clusterPoints, fannedOut, separatingZoom, type ScreenPoint } from '../../apps/viewer/src/clusters';
import { overlap, placeLabels, type LabelWish, type Rect } from '../../apps/viewer/src/label-placement';
import { placeRank } from '../../apps/viewer/src/place-rank';
import { matchesSearch } from '../../apps/viewer/src/place-search';
import { pinchedBox, wheelFactor, zoomedBox } from '../../apps/viewer/src/zoom-steps';

const point = (id: string, x: number, y: number, rank = 1): ScreenPoint => ({ id, x, y, rank });
const square = (x: number, y: number, r: number): Rect => ({ x: x - r, y: y - r, w: 2 * r, h: 2 * r });

describe('clusters of markers', () => {
  it('given places nearer than the gap, then the one of lowest rank leads and the others join it', () => {
    const clusters = clusterPoints([point('village', 105, 100, 6), point('city', 100, 100, 0), point('far', 200, 100)], 16);
    expect(clusters.map((c) => [c.lead.id, c.members.map((m) => m.id)])).toEqual([
      ['city', ['village']],
      ['far', []],
    ]);
  });

  it('given any points, then the leads stand at least the gap apart and every member is within the gap of its lead', () => {
    const points = Array.from({ length: 60 }, (_, i) => point(`p${i}`, (i * 37) % 97, (i * 53) % 89, i % 4));
    const clusters = clusterPoints(points, 16);
    for (const a of clusters)
      for (const b of clusters)
        if (a !== b) expect(Math.hypot(a.lead.x - b.lead.x, a.lead.y - b.lead.y)).toBeGreaterThanOrEqual(16);
    for (const { lead, members } of clusters)
      for (const m of members) expect(Math.hypot(m.x - lead.x, m.y - lead.y)).toBeLessThan(16);
    expect(clusters.reduce((n, c) => n + 1 + c.members.length, 0)).toBe(60);
  });

  it('given the same places seen twice as close, then the clusters come apart', () => {
    const at = (scale: number) => [point('a', 0, 0, 0), point('b', 10 * scale, 0), point('c', 0, 12 * scale)];
    expect(clusterPoints(at(1), 16)).toHaveLength(1);
    expect(clusterPoints(at(2), 16)).toHaveLength(3);
  });

  it('given a cluster, then zooming by its separating factor takes its members half again the gap from the lead, at least twice as close', () => {
    const [cluster] = clusterPoints([point('a', 0, 0, 0), point('b', 4, 0), point('c', 0, 8)], 16);
    expect(separatingZoom(cluster!, 16)).toBe(4);
    const [near] = clusterPoints([point('a', 0, 0, 0), point('b', 15, 0)], 16);
    expect(separatingZoom(near!, 16)).toBe(2);
    const [same] = clusterPoints([point('a', 0, 0, 0), point('b', 0, 0)], 16);
    expect(separatingZoom(same!, 16)).toBe(Infinity);
  });

  it('given places at the same point as close as the view goes, then they fan out around their lead, the gap apart', () => {
    const [cluster] = clusterPoints(
      Array.from({ length: 8 }, (_, i) => point(`p${i}`, 50, 50, i)),
      16,
    );
    const fanned = fannedOut(cluster!, 16);
    const all = [cluster!.lead, ...fanned];
    for (const a of all)
      for (const b of all) if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(16 - 1e-9);
  });

  it('ranks cities before towns before villages, a governorate’s capital first', () => {
    const rank = (name: string, kind: string) => placeRank({ name, kind, governorate: 'Homs' });
    expect(rank('Homs', 'city')).toBeLessThan(rank('Talbiseh', 'city'));
    expect(rank('Talbiseh', 'city')).toBeLessThan(rank('Al-Rastan', 'town'));
    expect(rank('Al-Rastan', 'town')).toBeLessThan(rank('Homs Central Prison', 'prison'));
    expect(rank('Homs Central Prison', 'prison')).toBeLessThan(rank('Teir Maalah', 'village'));
  });
});

describe('labels', () => {
  const wish = (id: string, x: number, y: number, w = 40, rank = 1): LabelWish => ({ id, x, y, r: 8, w, h: 13, rank });
  const bounds = { x: 0, y: 0, w: 400, h: 300 };

  it('given room, then a label goes right of its marker', () => {
    const { placed } = placeLabels([wish('a', 100, 100)], [square(100, 100, 8)], bounds);
    expect(placed.get('a')).toEqual({ x: 110, y: 93.5, w: 40, h: 13 });
  });

  it('given a marker to the right, then the label moves to another side and covers no marker', () => {
    const markers = [square(100, 100, 8), square(125, 100, 8)];
    const { placed } = placeLabels([wish('a', 100, 100)], markers, bounds);
    const spot = placed.get('a')!;
    expect(markers.map((m) => overlap(spot, m))).toEqual([0, 0]);
    expect(spot.x + spot.w).toBeLessThanOrEqual(92);
  });

  it('given the map’s edge, then a label stays inside it', () => {
    const { placed } = placeLabels([wish('a', 390, 5)], [square(390, 5, 8)], bounds);
    const spot = placed.get('a')!;
    expect(spot.x).toBeGreaterThanOrEqual(0);
    expect(spot.x + spot.w).toBeLessThanOrEqual(400);
    expect(spot.y).toBeGreaterThanOrEqual(0);
  });

  it('given no room for two, then the more important label (first) is kept and the other dropped, unless it is the selected one', () => {
    // markers all around b leave it no free spot but those a takes
    const wishes = [wish('a', 100, 100, 80), wish('b', 100, 118, 80)];
    const crowd = [
      [100, 100],
      [100, 118],
      [60, 118],
      [140, 118],
      [100, 140],
      [160, 100],
      [40, 100],
      [150, 132],
      [50, 132],
    ].map(([x, y]) => square(x!, y!, 8));
    const dropped = placeLabels(wishes, crowd, bounds).placed;
    expect(dropped.has('a')).toBe(true);
    expect(dropped.has('b')).toBe(false);
    const selected = placeLabels(wishes, crowd, bounds, new Set(['b'])).placed;
    expect(selected.has('b')).toBe(true);
  });

  it('given a city hemmed in by lesser markers, then its name moves the fewest of them out of its way, never a marker of a place ranked before it', () => {
    const around = (id: string, x: number, y: number, rank: number) => ({ ...square(x, y, 8), id, rank });
    const city = wish('city', 100, 100, 40, 0);
    const hemmed = [
      around('city', 100, 100, 0),
      around('right', 125, 100, 3),
      around('left', 75, 100, 3),
      around('up', 100, 80, 3),
      around('down', 100, 120, 3),
    ];
    const corners = [
      [125, 80],
      [125, 120],
      [75, 80],
      [75, 120],
    ].map(([x, y], i) => around(`corner${i}`, x!, y!, 3));
    const { placed, displaced } = placeLabels([{ ...city, pushes: true }], [...hemmed, ...corners], bounds);
    expect(placed.get('city')?.x).toBe(110);
    expect([...displaced]).toEqual([['right', 'city']]);
    expect(placeLabels([city], [...hemmed, ...corners], bounds).placed.has('city')).toBe(false);
    const greater = hemmed.map((m) => ({ ...m, rank: m.id === 'city' ? 0 : -1 }));
    const blocked = placeLabels([{ ...city, pushes: true }], [...greater, ...corners.map((c) => ({ ...c, rank: 0 }))], bounds);
    expect(blocked.placed.has('city')).toBe(false);
    expect(blocked.displaced.size).toBe(0);
  });

  it('given markers moved out of a city’s way, then their clusters stand behind the city', () => {
    const clusters = clusterPoints([point('city', 0, 0, 0), point('town', 30, 0, 2), point('village', 35, 0, 6)], 16);
    const moved = absorbed(clusters, new Map([['town', 'city']]));
    expect(moved.map((c) => [c.lead.id, c.members.map((m) => m.id)])).toEqual([['city', ['town', 'village']]]);
  });

  it('given many labels, then none overlaps a marker or another label', () => {
    const points = Array.from({ length: 40 }, (_, i) => [20 + ((i * 83) % 360), 20 + ((i * 47) % 260)] as const);
    const markers = points.map(([x, y]) => square(x, y, 8));
    const placed = [
      ...placeLabels(
        points.map(([x, y], i) => wish(`p${i}`, x, y)),
        markers,
        bounds,
      ).placed.values(),
    ];
    expect(placed.length).toBeGreaterThan(10);
    for (const label of placed) {
      expect(markers.every((m) => overlap(label, m) === 0)).toBe(true);
      expect(placed.filter((other) => other !== label && overlap(label, other) > 0)).toEqual([]);
    }
  });
});

describe('zoom steps', () => {
  const wheel = (deltaY: number, deltaMode = 0, ctrlKey = false) => wheelFactor({ deltaY, deltaMode, ctrlKey }, 800);

  it('given a wheel’s travel, then the zoom follows it: a little for a little, more for more, in and out alike', () => {
    expect(wheel(0)).toBe(1);
    expect(wheel(4)).toBeGreaterThan(1);
    expect(wheel(4)).toBeLessThan(1.01);
    expect(wheel(100)).toBeGreaterThan(wheel(4));
    expect(wheel(-100)).toBeCloseTo(1 / wheel(100), 10);
    // two events of half the travel zoom as far as one
    expect(wheel(50) * wheel(50)).toBeCloseTo(wheel(100), 10);
  });

  it('given lines or pages, then they count as their pixels; one flung wheel zooms at most twice as far', () => {
    expect(wheel(3, 1)).toBeCloseTo(wheel(48), 10);
    expect(wheel(0.1, 2)).toBeCloseTo(wheel(80), 10);
    expect(wheel(10_000)).toBeCloseTo(2, 10);
    expect(wheel(-10_000)).toBeCloseTo(0.5, 10);
  });

  it('given a trackpad pinch (a wheel with Ctrl), then its small steps zoom more', () => {
    expect(wheel(-10, 0, true)).toBeLessThan(wheel(-10));
  });

  const box = { x: 0, y: 0, w: 600, h: 500 };
  const limits = { min: 50, max: 600 };

  it('given a point, then zooming about it keeps it where it is in the view, within the limits', () => {
    const zoomed = zoomedBox(box, 0.5, { x: 150, y: 100 }, limits);
    expect(zoomed).toEqual({ x: 75, y: 50, w: 300, h: 250 });
    expect((150 - zoomed.x) / zoomed.w).toBeCloseTo((150 - box.x) / box.w, 10);
    expect(zoomedBox(box, 0.01, { x: 0, y: 0 }, limits).w).toBe(50);
    expect(zoomedBox(box, 3, { x: 0, y: 0 }, limits).w).toBe(600);
  });

  it('given two fingers spreading about a point, then the view zooms in about it; moving together, it pans with them', () => {
    const spread = pinchedBox(
      box,
      [
        { x: 290, y: 250 },
        { x: 310, y: 250 },
      ],
      [
        { x: 280, y: 250 },
        { x: 320, y: 250 },
      ],
      limits,
    );
    expect(spread.w).toBeCloseTo(300, 10);
    expect(spread.x + spread.w / 2).toBeCloseTo(300, 10);
    const moved = pinchedBox(
      box,
      [
        { x: 290, y: 250 },
        { x: 310, y: 250 },
      ],
      [
        { x: 300, y: 260 },
        { x: 320, y: 260 },
      ],
      limits,
    );
    // what was under the fingers' midpoint (300, 250) is under it again at (310, 260)
    expect(moved.w).toBe(600);
    expect(300 - moved.x).toBeCloseTo(310 - box.x, 10);
    expect(250 - moved.y).toBeCloseTo(260 - box.y, 10);
  });
});

describe('the search of places of unknown location', () => {
  const prison = { name: 'Homs Central Prison', aliases: ['Homs prison'] };
  const ghariba = { name: 'Ghariba Al-Sharqiya', aliases: ["Ghariba ash-Sharqi'ya"] };

  it('finds a place by part of its name or an alias, whatever the case, accents, hyphens or apostrophes', () => {
    expect(matchesSearch(prison, 'central')).toBe(true);
    expect(matchesSearch(prison, 'HOMS PRISON')).toBe(true);
    expect(matchesSearch(ghariba, 'al sharqiya')).toBe(true);
    expect(matchesSearch(ghariba, 'sharqiya')).toBe(true);
    expect(matchesSearch({ name: 'Ḥamā', aliases: [] }, 'hama')).toBe(true);
    expect(matchesSearch(prison, 'aleppo')).toBe(false);
    expect(matchesSearch(prison, '  ')).toBe(true);
  });
});
