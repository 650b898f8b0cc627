import { html } from './dom';
import type { TimePrecision, TimeValues } from './new-claim-input';
import { choice } from './record-dialog';
import { DAY_PARTS, optionsOf } from './record-vocabulary';

const PRECISIONS: [TimePrecision, string][] = [
  ['day', 'on the day'],
  ['part-of-day', 'in a part of the day'],
  ['hour', 'in an hour'],
  ['by', 'by a time of the day'],
  ['multi-day', 'over several days'],
];

/**
 * When a claim says it happened, in the campaign's local time: a date and how precisely the
 * source dates it — the day, a part of it, an hour, "by" a time, or a span of days — with only
 * the inputs that precision takes shown.
 */
export class ClaimTimeFields {
  readonly element: HTMLElement;
  private readonly precision = choice(PRECISIONS);
  private readonly date = html('input', { type: 'date', 'aria-label': 'Date' });
  private readonly part = choice(optionsOf(DAY_PARTS));
  private readonly hour = html('input', { type: 'number', min: 0, max: 23, step: 1, 'aria-label': 'Hour (0–23)' });
  private readonly by = html('input', { type: 'time', 'aria-label': 'By' });
  private readonly toDate = html('input', { type: 'date', 'aria-label': 'Last day' });
  private readonly zone = html('span', { class: 'hint' });

  constructor() {
    this.part.setAttribute('aria-label', 'Part of the day');
    this.precision.setAttribute('aria-label', 'How precisely the source dates it');
    const labelled = (text: string, control: HTMLElement) => html('label', { class: `time-${text}` }, text, control);
    this.element = html(
      'div',
      { class: 'record-field claim-time', 'data-path': 'time' },
      html('span', { class: 'field-label' }, 'When'),
      html(
        'div',
        { class: 'inline' },
        this.precision,
        labelled('date', this.date),
        labelled('part', this.part),
        labelled('hour', this.hour),
        labelled('by', this.by),
        labelled('to', this.toDate),
      ),
      this.zone,
      html('span', { class: 'field-problem' }),
    );
    this.precision.addEventListener('change', () => this.showPrecision());
  }

  reset(day: string, timeZone: string): void {
    this.precision.value = 'day';
    this.date.value = day;
    this.toDate.value = day;
    this.hour.value = '';
    this.by.value = '';
    this.zone.textContent = `local time of the campaign (${timeZone}); a claim takes effect at the end of its interval`;
    this.showPrecision();
  }

  values(): TimeValues {
    return {
      precision: this.precision.value as TimePrecision,
      date: this.date.value,
      part: this.part.value,
      hour: this.hour.value,
      by: this.by.value,
      toDate: this.toDate.value,
    };
  }

  private showPrecision(): void {
    const precision = this.precision.value;
    const shown: Record<string, boolean> = {
      part: precision === 'part-of-day',
      hour: precision === 'hour',
      by: precision === 'by',
      to: precision === 'multi-day',
    };
    for (const [name, visible] of Object.entries(shown)) {
      const wrapper = this.element.querySelector<HTMLElement>(`.time-${name}`);
      if (wrapper) wrapper.hidden = !visible;
    }
    this.date.parentElement?.firstChild?.replaceWith(precision === 'multi-day' ? 'from' : 'date');
  }
}
