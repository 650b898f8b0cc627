import {
  casualtiesOn,
  campaignDays,
  controlAt,
  controlDays,
  endOfDay,
  NOW,
  type KnownAt,
  territoryOn,
  type TimelineViews,
} from '@timeline/views';

/** Every answer the views give for a campaign, day by day: what a rebuild must reproduce. */
export function allAnswers(views: TimelineViews, campaignId: string, knownAt: KnownAt = NOW, everyNthDay = 1) {
  const ledger = views.ledger(campaignId)!;
  const days = campaignDays(ledger).filter((_, i) => i % everyNthDay === 0);
  return {
    control: days.map((day) => controlAt(views, ledger, endOfDay(ledger, day), knownAt)),
    casualties: days.map((day) => casualtiesOn(views, ledger, day, knownAt)),
    territory: days.map((day) => territoryOn(views, ledger, day, knownAt)),
    days: controlDays(views, ledger, knownAt),
  };
}
