import { byId, html } from './dom';
import type { StartedReplay } from './replay-client';
import type { CampaignClock } from './time';

const DAY = 24 * 3_600_000;

/** The local days under the timeline, every week (every fortnight on a window over two months). */
export function showDayMarks(replay: StartedReplay, clock: CampaignClock): void {
  const from = Date.parse(replay.from);
  const span = Date.parse(replay.to) - from;
  const every = span > 60 * DAY ? 14 : 7;
  const marks: HTMLElement[] = [];
  for (let t = from, i = 0; t < from + span; t += DAY, i++) {
    if (i % every) continue;
    const label = html('span', {}, clock.dayOf(t).slice(5));
    const percent = ((t - from) / span) * 100;
    label.style.left = `${percent}%`;
    label.style.transform = `translateX(-${percent}%)`;
    marks.push(label);
  }
  byId('day-marks').replaceChildren(...marks);
}
