import { logScale, tickLabel } from './chart-scale';
import { byId, html, svg } from './dom';
import type { SeriesDay } from './types';

/** Drawn at the width it is shown at, so a tick's 12 px are 12 px on screen; this wide until it is laid out. */
const FALLBACK_WIDTH = 360;
const H = 220;
const PAD = { left: 40, right: 10, top: 22, bottom: 24 };
/** The width a date under the axis needs, with room around it. */
const LABEL_SPACE = 48;

export interface SeriesLine {
  side: string;
  label: string;
  color: string;
  days: SeriesDay[];
}

/**
 * Casualties per day, one line per side on a logarithmic scale: the preferred figure marked, the
 * range between sources as a band. Only the days the replay has reached are drawn, and a cursor
 * marks the current one. Each point, and each side's latest figure in the key, opens its audit.
 */
export class CasualtyChart {
  private readonly root = byId('chart') as unknown as SVGSVGElement;
  private readonly key = byId('chart-key');
  private lines: SeriesLine[] = [];
  private days: string[] = [];
  private changed = new Set<string>();
  private today: string | undefined;

  constructor(private readonly onFigure: (side: string, day: string) => void) {
    window.addEventListener('resize', () => this.draw(this.today));
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
    this.today = today;
    const root = this.root;
    const W = Math.round(root.getBoundingClientRect().width) || FALLBACK_WIDTH;
    root.setAttribute('viewBox', `0 0 ${W} ${H}`);
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
    const { y, ticks } = logScale(max, H - PAD.bottom, PAD.top);
    root.append(
      svg('text', { class: 'tick scale-note', x: W - PAD.right, y: 12, 'text-anchor': 'end' }, 'log scale'),
      svg('line', { class: 'axis', x1: PAD.left, x2: W - PAD.right, y1: y(0), y2: y(0) }),
    );
    for (const v of ticks) {
      root.append(svg('text', { class: 'tick', x: PAD.left - 4, y: y(v) + 4, 'text-anchor': 'end' }, tickLabel(v)));
      if (v) root.append(svg('line', { class: 'grid', x1: PAD.left, x2: W - PAD.right, y1: y(v), y2: y(v) }));
    }
    // a date every week, or every few weeks where they would run into each other
    const perDay = (W - PAD.left - PAD.right) / Math.max(1, this.days.length - 1);
    const every = 7 * Math.max(1, Math.ceil(LABEL_SPACE / perDay / 7));
    this.days.forEach((day, i) => {
      if (i % every === 0) root.append(svg('text', { class: 'tick', x: x(i), y: H - 6, 'text-anchor': 'middle' }, day.slice(5)));
    });
    for (const line of this.lines) root.append(this.series(line, shown.length, x, y));
    if (shown.length)
      root.append(
        svg('line', { class: 'cursor', x1: x(shown.length - 1), x2: x(shown.length - 1), y1: PAD.top, y2: H - PAD.bottom }),
      );
    this.key.replaceChildren(...this.lines.map((l) => this.keyEntry(l, today)));
  }

  private series(line: SeriesLine, reached: number, x: (i: number) => number, y: (v: number) => number): SVGGElement {
    const days = line.days.slice(0, reached);
    const group = svg('g', { class: 'series', 'data-side': line.side, style: `--side:${line.color}` });
    for (const [i, d] of days.entries())
      if (d.range)
        group.append(
          svg('line', { class: 'whisker', x1: x(i), x2: x(i), y1: y(d.range.low), y2: y(d.range.high ?? d.range.low) }),
        );
    const points = days
      .map((d, i) => (d.preferred ? `${x(i).toFixed(1)},${y(d.preferred.count.best).toFixed(1)}` : undefined))
      .filter(Boolean);
    if (points.length > 1) group.append(svg('polyline', { class: 'preferred-line', points: points.join(' ') }));
    days.forEach((d, i) => {
      if (!d.preferred) return;
      const dot = svg(
        'circle',
        {
          class: `figure${this.changed.has(`${line.side}|${d.day}`) ? ' changed' : ''}`,
          cx: x(i),
          cy: y(d.preferred.count.best),
          r: 4,
          tabindex: 0,
          role: 'button',
          'data-side': line.side,
          'data-day': d.day,
          'aria-label': `${line.label}, ${d.day}: ${describe(d, d.preferred)}. Open its audit`,
        },
        svg('title', {}, `${line.label}, ${d.day}: ${describe(d, d.preferred)}`),
      );
      this.opensAudit(dot, line.side, d.day);
      group.append(dot);
    });
    return group;
  }

  /** A side in the key: its colour and name, and its latest figure up to the day on screen, which opens its audit. */
  private keyEntry(line: SeriesLine, today: string | undefined): HTMLLIElement {
    const item = html('li', { 'data-side': line.side }, html('span', { class: 'swatch', 'aria-hidden': 'true' }), line.label);
    item.style.setProperty('--side', line.color);
    const latest = today ? line.days.filter((d) => d.day <= today && d.preferred).at(-1) : undefined;
    if (latest?.preferred) {
      const button = html(
        'button',
        { type: 'button', class: 'key-figure', 'data-day': latest.day, 'aria-label': `Audit of ${line.label}, ${latest.day}` },
        `${latest.preferred.count.best}${latest.preferred.count.openEnded ? '+' : ''} · ${latest.day.slice(5)}`,
      );
      button.addEventListener('click', () => this.onFigure(line.side, latest.day));
      item.append(button);
    }
    return item;
  }

  private opensAudit(element: SVGElement, side: string, day: string): void {
    element.addEventListener('click', () => this.onFigure(side, day));
    element.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      // Space on a point opens it, rather than playing the replay
      e.preventDefault();
      e.stopPropagation();
      this.onFigure(side, day);
    });
  }
}

function describe(d: SeriesDay, p: NonNullable<SeriesDay['preferred']>): string {
  const count = `${p.count.best}${p.count.openEnded ? '+' : ''}`;
  const range = d.range ? `; sources range ${d.range.low}–${d.range.high ?? `${d.range.low}+`}` : '';
  return `preferred ${count}${p.publisher ? ` (${p.publisher})` : ''}${range}; ${d.daily.best} that day`;
}
