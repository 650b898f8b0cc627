import { byId, externalLink, html } from './dom';
import { newsOfThePast } from './report-delay';
import type { CampaignClock } from './time';
import type { FrameClaim } from './types';

/**
 * The claims of the hour on screen, each with its quote, its sources and how sure its time is:
 * those taking effect in it, then the changes whose window opens in it, marked as under way. In a
 * replay as reported, a claim that took effect earlier and was reported in the hour is marked as
 * news of its day.
 */
export class ClaimFeed {
  private readonly list = byId<HTMLOListElement>('feed');
  private readonly heading = byId('feed-heading');

  constructor(private readonly publishers: () => Map<string, string>) {}

  show(
    hour: string,
    { claims, opening }: { claims: FrameClaim[]; opening: FrameClaim[] },
    clock: CampaignClock,
    placeName: (id: string) => string | undefined,
  ): void {
    this.heading.textContent = `Claims of ${hour}`;
    this.list.replaceChildren(
      ...claims.map((claim) => {
        const item = this.item(claim, clock, placeName);
        if (claim.newsOfThePast) {
          item.classList.add('news');
          item.prepend(html('span', { class: 'tag' }, newsOfThePast(claim, clock)));
        }
        return item;
      }),
      ...opening.map((claim) => {
        const item = this.item(claim, clock, placeName);
        item.classList.add('opening');
        item.prepend(html('span', { class: 'tag' }, `under way · ${clock.windowLabel(claim.time)}`));
        return item;
      }),
    );
    if (!claims.length && !opening.length)
      this.list.append(html('li', { class: 'empty' }, 'No claim takes effect in this hour, and no change gets under way.'));
  }

  /** A claim recorded after the replay reached the present end of the record. */
  prependLive(claim: FrameClaim, clock: CampaignClock, placeName: (id: string) => string | undefined): void {
    const item = this.item(claim, clock, placeName);
    item.classList.add('live');
    item.prepend(html('span', { class: 'tag' }, 'live'));
    this.list.prepend(item);
  }

  private item(claim: FrameClaim, clock: CampaignClock, placeName: (id: string) => string | undefined): HTMLLIElement {
    const names = this.publishers();
    const place = claim.place ? placeName(claim.place) : undefined;
    return html(
      'li',
      { class: `claim type-${claim.type}`, 'data-claim': claim.claimId },
      html('p', { class: 'summary' }, html('strong', {}, claim.type), ' ', place ? `${place}: ` : '', claim.summary),
      html('blockquote', {}, claim.quote),
      html('p', { class: clock.isUncertain(claim.time) ? 'when uncertain' : 'when' }, clock.interval(claim.time)),
      html(
        'ul',
        { class: 'sources' },
        ...claim.sources.map((s) =>
          html(
            'li',
            {},
            html('span', { class: 'publisher' }, s.publisher ? (names.get(s.publisher) ?? s.publisher) : 'unattributed'),
            ' — ',
            externalLink(s.title ?? s.sourceId, s.url),
            s.published ? html('span', { class: 'published' }, ` (${clock.published(s.published)})`) : null,
          ),
        ),
      ),
    );
  }
}
