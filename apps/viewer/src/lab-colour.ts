/** A colour in CIELAB (D65): lightness 0–100 and the two opponent axes. */
export type Lab = [number, number, number];

const WHITE = [0.95047, 1, 1.08883] as const;
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const fromLinear = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (t * 24389) / 27 / 116 + 16 / 116);
const fInverse = (t: number) => (t ** 3 > 216 / 24389 ? t ** 3 : ((116 * t - 16) * 27) / 24389);

export function labOf(hex: string): Lab {
  const n = parseInt(hex.replace('#', ''), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => toLinear(c / 255)) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / WHITE[0];
  const y = (0.2126 * r + 0.7152 * g + 0.0722 * b) / WHITE[1];
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / WHITE[2];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

export function hexOf([l, a, b]: Lab): string {
  const fy = (l + 16) / 116;
  const [x, y, z] = [fInverse(fy + a / 500) * WHITE[0], fInverse(fy) * WHITE[1], fInverse(fy - b / 200) * WHITE[2]];
  const rgb = [
    3.2406 * x - 1.5372 * y - 0.4986 * z,
    -0.9689 * x + 1.8758 * y + 0.0415 * z,
    0.0557 * x - 0.204 * y + 1.057 * z,
  ].map((c) => Math.round(Math.min(1, Math.max(0, fromLinear(c))) * 255));
  return `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** How far apart two colours look (CIE76 ΔE): below about 10 they are easily taken for each other. */
export function colourDistance(a: string, b: string): number {
  const [p, q] = [labOf(a), labOf(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** The colour at lightness `l`, its hue turned by `turn` degrees, keeping its chroma. */
export function shadeOf(hex: string, l: number, turn: number): string {
  const [, a, b] = labOf(hex);
  const chroma = Math.hypot(a, b);
  const hue = Math.atan2(b, a) + (turn * Math.PI) / 180;
  return hexOf([l, chroma * Math.cos(hue), chroma * Math.sin(hue)]);
}
