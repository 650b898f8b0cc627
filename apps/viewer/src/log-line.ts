import type { LogLine } from './claim-log';
import { externalLink, html } from './dom';
import { incidentIcon } from './incident-icons';
import type { CampaignClock } from './time';

/**
 * A line of the running log: under way or not, what the claim says (an incident with the icon of
 * its kind), a button opening its place when it has one, when it took effect and its sources.
 */
export function logLine(
  { entry, underWay }: LogLine,
  clock: CampaignClock,
  publisherName: (id: string) => string,
  openPlace: (placeId: string) => void,
): HTMLLIElement {
  const what = [entry.kind ? incidentIcon(entry.kind) : null, html('strong', {}, entry.type), ' ', entry.summary];
  const place = entry.place;
  let line: HTMLElement = html('p', { class: 'summary' }, ...what);
  if (place !== null) {
    line = html('button', { type: 'button', class: 'log-open', 'data-place': place }, ...what);
    line.addEventListener('click', () => openPlace(place));
  }
  return html(
    'li',
    { class: `claim type-${entry.type}${underWay ? ' opening' : ''}`, 'data-claim': entry.claimId, 'data-to': entry.time.to },
    underWay ? html('span', { class: 'tag' }, `under way · ${clock.windowLabel(entry.time)}`) : null,
    line,
    html('p', { class: clock.isUncertain(entry.time) ? 'when uncertain' : 'when' }, clock.interval(entry.time)),
    html(
      'ul',
      { class: 'sources' },
      ...entry.sources.map((s) =>
        html(
          'li',
          {},
          html('span', { class: 'publisher' }, s.publisher ? publisherName(s.publisher) : 'unattributed'),
          ' — ',
          externalLink(s.title ?? s.sourceId, s.url),
        ),
      ),
    ),
  );
}
