/**
 * The chart's vertical scale: logarithmic (of 1 + the figure, so 0 sits on the axis), so a figure
 * of a thousand does not flatten the lines of a dozen. Ticks at 0 and the powers of ten up to the
 * largest figure.
 */
export interface ChartScale {
  /** The height of a figure, from `bottom` (0) to `top` (the largest figure or the next power of ten). */
  y: (value: number) => number;
  ticks: number[];
}

export function logScale(max: number, bottom: number, top: number): ChartScale {
  // a thousand reaches the top itself, rather than leaving a decade of empty space above it
  const decades = Math.max(1, Math.ceil(Math.log10(Math.max(1, max)) - 1e-9));
  const y = (value: number) => bottom - (Math.log10(1 + Math.max(0, value)) / decades) * (bottom - top);
  const ticks = [0, ...Array.from({ length: decades }, (_, i) => 10 ** (i + 1))];
  return { y, ticks };
}

/** "1k" for 1000: a tick's label, short. */
export const tickLabel = (value: number): string =>
  value >= 1_000_000 ? `${value / 1_000_000}M` : value >= 1000 ? `${value / 1000}k` : String(value);
