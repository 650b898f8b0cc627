const HOUR = 3_600_000;

export interface Plot {
  width: number;
  height: number;
  pad: { left: number; right: number; top: number; bottom: number };
}

export interface HeldScales {
  /** The centre of day `i`'s column, and the width of a column. */
  x: (i: number) => number;
  column: number;
  y: (places: number) => number;
  /** Counts of places to label on the left, from 0 to at least the highest. */
  ticks: number[];
  /** The days (by index) to label below: as many as fit without overlapping. */
  dayTicks: number[];
}

/** The scales of the chart of places held: `days` columns, up to `max` places, labels `labelWidth` wide. */
export function heldScales(days: number, max: number, plot: Plot, labelWidth = 44): HeldScales {
  const { width, height, pad } = plot;
  const column = (width - pad.left - pad.right) / Math.max(1, days);
  // places are counted whole
  const step = Math.max(1, niceStep(Math.max(1, max) / 4));
  const top = Math.max(step, Math.ceil(Math.max(1, max) / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  const every = Math.max(1, Math.ceil(labelWidth / column));
  const dayTicks: number[] = [];
  for (let i = 0; i < days; i += every) dayTicks.push(i);
  return {
    x: (i) => pad.left + (i + 0.5) * column,
    column,
    y: (v) => height - pad.bottom - (v / top) * (height - pad.top - pad.bottom),
    ticks,
    dayTicks,
  };
}

/** 1, 2 or 5 times a power of ten: the smallest such step not below `raw`. */
export function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

/**
 * The start of the last hour of the local day `day` within the replay's window [from, to): where
 * going to a day takes the replay, so the map shows the day's end.
 */
export function lastHourOf(day: string, window: { from: string; to: string }, dayOf: (at: number) => string): number | undefined {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  let last: number | undefined;
  for (let t = from; t < to; t += HOUR) {
    const d = dayOf(t);
    if (d === day) last = t;
    else if (d > day) break;
  }
  return last;
}
