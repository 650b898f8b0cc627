import type { ControlDay } from './day-digest';
import { byId, html, svg } from './dom';
import { heldScales } from './held-scale';
import type { Bloc } from './types';

const HEIGHT = 200;
const PAD = { left: 40, right: 8, top: 10, bottom: 26 };
/** Room for a day's label ("27 Nov" at 12 px) and the space around it. */
const LABEL_WIDTH = 60;

/**
 * "Places held per day": one line per bloc in its colour, a column per day of the campaign. A day's
 * column — or the day chosen below the chart, on a screen too narrow to tap a column — takes the
 * replay to that day's end. The chart is drawn at the width it is shown at, so its labels keep
 * their size.
 */
export class HeldChart {
  private readonly root = byId('held-chart') as unknown as SVGSVGElement;
  private readonly key = byId('held-key');
  private readonly dayChoice = byId<HTMLSelectElement>('held-day');
  private days: ControlDay[] = [];
  private blocs: Bloc[] = [];
  private today: string | undefined;
  private label: (day: string) => string = (day) => day;

  constructor(private readonly goTo: (day: string) => void) {
    this.dayChoice.addEventListener('change', () => {
      if (this.dayChoice.value) goTo(this.dayChoice.value);
    });
    new ResizeObserver(() => this.draw()).observe(this.root);
  }

  show(days: ControlDay[], blocs: Bloc[], label: (day: string) => string): void {
    this.days = days;
    this.blocs = blocs;
    this.label = label;
    this.dayChoice.replaceChildren(
      html('option', { value: '' }, 'Choose a day'),
      ...days.map((d) => html('option', { value: d.day }, label(d.day))),
    );
    this.key.replaceChildren(
      ...blocs.map((b) => {
        const li = html('li', {}, b.name);
        li.style.setProperty('--side', b.color);
        return li;
      }),
    );
    this.draw();
  }

  /** Marks the day on screen. */
  mark(today: string | undefined): void {
    if (today === this.today) return;
    this.today = today;
    const moving = this.root.contains(document.activeElement);
    for (const column of this.root.querySelectorAll('.day')) {
      const isToday = column.getAttribute('data-day') === today;
      column.classList.toggle('today', isToday);
      if (!moving) column.setAttribute('tabindex', isToday ? '0' : '-1');
    }
    if (today && this.days.some((d) => d.day === today)) this.dayChoice.value = today;
  }

  private focusDay(i: number): void {
    const columns = [...this.root.querySelectorAll<SVGRectElement>('.day')];
    columns.forEach((c, j) => c.setAttribute('tabindex', j === i ? '0' : '-1'));
    columns[i]?.focus();
  }

  private draw(): void {
    const width = Math.round(this.root.getBoundingClientRect().width);
    if (!width || !this.days.length) return;
    this.root.setAttribute('viewBox', `0 0 ${width} ${HEIGHT}`);
    const max = Math.max(0, ...this.days.flatMap((d) => Object.values(d.byBloc)));
    const s = heldScales(this.days.length, max, { width, height: HEIGHT, pad: PAD }, LABEL_WIDTH);
    // the labels at the ends stay inside the chart
    const anchor = (x: number) => (x < LABEL_WIDTH / 2 ? 'start' : x > width - LABEL_WIDTH / 2 ? 'end' : 'middle');
    const parts: SVGElement[] = [];
    for (const v of s.ticks)
      parts.push(
        svg('line', { class: 'grid', x1: PAD.left, x2: width - PAD.right, y1: s.y(v), y2: s.y(v) }),
        svg('text', { class: 'tick', x: PAD.left - 4, y: s.y(v) + 4, 'text-anchor': 'end' }, String(v)),
      );
    const labelled = new Set(s.dayTicks);
    // one stop in the tab order, on the day on screen; the arrows move between days
    const stop = this.days.some((d) => d.day === this.today) ? this.today : this.days[0]?.day;
    this.days.forEach((d, i) => {
      if (labelled.has(i))
        parts.push(svg('text', { class: 'tick', x: s.x(i), y: HEIGHT - 8, 'text-anchor': anchor(s.x(i)) }, this.label(d.day)));
      const held = this.blocs.map((b) => `${b.name} ${d.byBloc[b.id] ?? 0}`).join(', ');
      const column = svg(
        'rect',
        {
          class: `day${d.day === this.today ? ' today' : ''}`,
          x: s.x(i) - s.column / 2,
          width: s.column,
          y: PAD.top,
          height: HEIGHT - PAD.top - PAD.bottom,
          tabindex: d.day === stop ? 0 : -1,
          role: 'button',
          'data-day': d.day,
          'aria-label': `${this.label(d.day)}: ${held}. Go to the end of this day`,
        },
        svg('title', {}, `${this.label(d.day)}: ${held}`),
      );
      column.addEventListener('click', () => {
        this.focusDay(i);
        this.goTo(d.day);
      });
      column.addEventListener('keydown', (e) => {
        const to = { ArrowLeft: i - 1, ArrowRight: i + 1, Home: 0, End: this.days.length - 1 }[e.key];
        if (e.key !== 'Enter' && e.key !== ' ' && to === undefined) return;
        // not also the page's keys for play, pause and a step
        e.preventDefault();
        e.stopPropagation();
        if (to === undefined) this.goTo(d.day);
        else this.focusDay(Math.max(0, Math.min(this.days.length - 1, to)));
      });
      parts.push(column);
    });
    for (const bloc of this.blocs) {
      const points = this.days.map((d, i) => `${s.x(i).toFixed(1)},${s.y(d.byBloc[bloc.id] ?? 0).toFixed(1)}`);
      parts.push(
        svg('polyline', { class: 'held-line', points: points.join(' '), style: `--side:${bloc.color}`, 'data-bloc': bloc.id }),
      );
    }
    this.root.replaceChildren(...parts);
  }
}
