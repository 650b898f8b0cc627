import { casualtyFigure, campaignDays, type CasualtyFigure } from './casualties';
import type { CampaignLedger } from './campaign-ledger';
import type { KnownAt } from './known-at';
import type { TimelineViews } from './timeline-views';

export interface CasualtyQuery {
  side?: string;
  category?: string;
  operation?: string;
}

function keysOf(ledger: CampaignLedger, query: CasualtyQuery): string[] {
  return [...ledger.casualtiesByKey.keys()]
    .filter((key) => {
      const [side, category] = key.split('|');
      return (!query.side || side === query.side) && (!query.category || category === query.category);
    })
    .sort();
}

/** The casualty figures of day D for every side and category (or the ones asked for). */
export function casualtiesOn(
  views: TimelineViews,
  ledger: CampaignLedger,
  day: string,
  knownAt: KnownAt,
  query: CasualtyQuery = {},
): CasualtyFigure[] {
  const key = `casualties|${day}|${query.side ?? ''}|${query.category ?? ''}|${query.operation ?? ''}`;
  return views.memo(ledger, key, knownAt, () => figuresOn(views, ledger, day, knownAt, query));
}

function figuresOn(
  views: TimelineViews,
  ledger: CampaignLedger,
  day: string,
  knownAt: KnownAt,
  query: CasualtyQuery,
): CasualtyFigure[] {
  return keysOf(ledger, query).map((key) => {
    const { candidates, groups } = views.casualties(ledger, key, knownAt, query.operation);
    return casualtyFigure(ledger, key, day, candidates, groups);
  });
}

/** The same figures for every day of the campaign window. */
export function casualtySeries(views: TimelineViews, ledger: CampaignLedger, knownAt: KnownAt, query: CasualtyQuery = {}) {
  return keysOf(ledger, query).map((key) => {
    const { candidates, groups } = views.casualties(ledger, key, knownAt, query.operation);
    const [side, category] = key.split('|');
    return { side, category, days: campaignDays(ledger).map((day) => casualtyFigure(ledger, key, day, candidates, groups)) };
  });
}
