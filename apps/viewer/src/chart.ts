import { byId, svg } from './dom';
import type { SeriesDay } from './types';

const W = 640;
const H = 220;
const PAD = { left: 44, right: 10, top: 10, bottom: 24 };

export interface SeriesLine {
  side: string;
  label: string;
  color: string;
  days: SeriesDay[];
}

/**
 * Casualties per day, one line per side: the preferred figure marked, the range between sources
 * as a band. Only the days the replay has reached are drawn, and a cursor marks the current one.
 */
export class CasualtyChart {
  private readonly root = byId('chart') as unknown as SVGSVGElement;
  private lines: SeriesLine[] = [];
  private days: string[] = [];
  private changed = new Set<string>();

  constructor(private readonly onFigure: (side: string, day: string) => void) {
    this.root.setAttribute('viewBox', `0 0 ${W} ${H}`);
  }

  setSeries(lines: SeriesLine[]): void {
    this.lines = lines;
    this.days = lines[0]?.days.map((d) => d.day) ?? [];
  }

  /** Figures (side|day) that differ from what is known now. */
  markChanged(keys: Set<string>): void {
    this.changed = keys;
  }

  draw(today: string | undefined): void {
    const root = this.root;
    root.replaceChildren();
    const shown = today ? this.days.filter((d) => d <= today) : [];
    const max = Math.max(
      1,
      ...this.lines.flatMap((l) =>
        l.days
          .filter((d) => d.day <= (today ?? ''))
          .map((d) => Math.max(d.range?.high ?? 0, d.range?.low ?? 0, d.preferred?.count.best ?? 0)),
      ),
    );
    const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, this.days.length - 1);
    const y = (v: number) => H - PAD.bottom - (v / max) * (H - PAD.top - PAD.bottom);
    root.append(svg('line', { class: 'axis', x1: PAD.left, x2: W - PAD.right, y1: y(0), y2: y(0) }));
    for (const v of [0, max / 2, max])
      root.append(svg('text', { class: 'tick', x: PAD.left - 4, y: y(v) + 3, 'text-anchor': 'end' }, String(Math.round(v))));
    this.days.forEach((day, i) => {
      if (i % 7 === 0) root.append(svg('text', { class: 'tick', x: x(i), y: H - 8, 'text-anchor': 'middle' }, day.slice(5)));
    });
    for (const line of this.lines) {
      const days = line.days.slice(0, shown.length);
      const group = svg('g', { class: 'series', 'data-side': line.side, style: `--side:${line.color}` });
      const band = days
        .map((d, i) => (d.range ? { i, low: d.range.low, high: d.range.high ?? d.range.low } : undefined))
        .filter((b) => b !== undefined);
      for (const b of band) group.append(svg('line', { class: 'whisker', x1: x(b.i), x2: x(b.i), y1: y(b.low), y2: y(b.high) }));
      const points = days
        .map((d, i) => (d.preferred ? `${x(i).toFixed(1)},${y(d.preferred.count.best).toFixed(1)}` : undefined))
        .filter(Boolean);
      if (points.length > 1) group.append(svg('polyline', { class: 'preferred-line', points: points.join(' ') }));
      days.forEach((d, i) => {
        if (!d.preferred) return;
        const key = `${line.side}|${d.day}`;
        const dot = svg(
          'circle',
          {
            class: `figure${this.changed.has(key) ? ' changed' : ''}`,
            cx: x(i),
            cy: y(d.preferred.count.best),
            r: 4,
            tabindex: 0,
            role: 'button',
            'data-side': line.side,
            'data-day': d.day,
            'aria-label': `${line.label} ${d.day}: ${d.preferred.count.best}`,
          },
          svg('title', {}, `${line.label}, ${d.day}: ${describe(d, d.preferred)}`),
        );
        dot.addEventListener('click', () => this.onFigure(line.side, d.day));
        dot.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') this.onFigure(line.side, d.day);
        });
        group.append(dot);
      });
      root.append(group);
    }
    if (shown.length)
      root.append(
        svg('line', { class: 'cursor', x1: x(shown.length - 1), x2: x(shown.length - 1), y1: PAD.top, y2: H - PAD.bottom }),
      );
    const key = byId('chart-key');
    key.replaceChildren(
      ...this.lines.map((l) => {
        const li = document.createElement('li');
        li.style.setProperty('--side', l.color);
        li.textContent = l.label;
        return li;
      }),
    );
  }
}

function describe(d: SeriesDay, p: NonNullable<SeriesDay['preferred']>): string {
  const count = `${p.count.best}${p.count.openEnded ? '+' : ''}`;
  const range = d.range ? `; sources range ${d.range.low}–${d.range.high ?? `${d.range.low}+`}` : '';
  return `preferred ${count}${p.publisher ? ` (${p.publisher})` : ''}${range}; ${d.daily.best} that day`;
}
