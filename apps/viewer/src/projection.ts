/** An equirectangular projection around Syria, scaled so a degree east is as long as one north there. */
const LAT0 = 35;
const SCALE = 100;
const K = Math.cos((LAT0 * Math.PI) / 180);

export const VIEW = { west: 35.2, east: 42.6, south: 32.1, north: 37.5 };

export function project(lon: number, lat: number): [number, number] {
  return [(lon - VIEW.west) * K * SCALE, (VIEW.north - lat) * SCALE];
}

/** The inverse of `project`: the [lon, lat] of a point of the map. */
export function unproject(x: number, y: number): [number, number] {
  return [VIEW.west + x / (K * SCALE), VIEW.north - y / SCALE];
}

export const VIEWBOX = (() => {
  const [w, h] = project(VIEW.east, VIEW.south);
  return `0 0 ${w.toFixed(0)} ${h.toFixed(0)}`;
})();

/** An SVG path of polygons given as rings of [lon, lat]. */
export function pathOf(polygons: [number, number][][][]): string {
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      parts.push(
        ring
          .map(
            ([lon, lat], i) =>
              `${i ? 'L' : 'M'}${project(lon, lat)
                .map((v) => v.toFixed(1))
                .join(',')}`,
          )
          .join('') + 'Z',
      );
    }
  }
  return parts.join('');
}

/** The mean of the outer ring's vertices of the largest polygon: a point inside for the compact shapes of governorates. */
export function centreOf(polygons: [number, number][][][]): [number, number] {
  const ring = polygons.map((polygon) => polygon[0] ?? []).reduce((a, b) => (b.length > a.length ? b : a), []);
  const sum = ring.reduce(([x, y], [lon, lat]) => [x + lon, y + lat], [0, 0]);
  return [sum[0] / ring.length, sum[1] / ring.length];
}
