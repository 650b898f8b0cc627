import { casualtyKey, NOW, placesOfControl, placeStateAt, type CampaignLedger, type TimelineViews } from '@timeline/views';
import { casualtyFrameFigure, frameClaim, placeFrameState } from './frame-mappers';
import type { Correction } from './frame.types';
import { floorToLocalHour, HOUR, isoInstant } from './local-hour';

/**
 * What a claim recorded after a replay was pinned changes in the hour it takes effect, as known
 * now: the claim, the state of its place at the end of that hour, and its casualty figure. In a
 * replay as reported, the hour the state shows it — its end, or its report when that came later —
 * and that state as reported by the hour's end; a version with no dated source corrects nothing there.
 */
export function correctionFor(
  views: TimelineViews,
  base: CampaignLedger,
  claimId: string,
  asReported = false,
): Correction | undefined {
  const record = base.claims.get(claimId);
  const version = record?.versions.at(-1);
  if (!record || !version) return undefined;
  const reportedAt = base.reportedAtOf(version, NOW);
  if (asReported && reportedAt === null) return undefined;
  const settles = asReported ? Math.max(version.valid.to, reportedAt ?? version.valid.to) : version.valid.to;
  const hourStart = floorToLocalHour(settles - 1, base.campaign.timeZone);
  const until = hourStart + HOUR;
  const ledger = asReported ? base.asReportedBy(until) : base;
  const claim = version.claim;
  const key = claim.type === 'casualties' ? casualtyKey(claim) : undefined;
  const control =
    claim.type === 'control'
      ? placesOfControl(ledger, claim, NOW).flatMap((place) => {
          const state = placeStateAt(ledger, place, views.timeline(ledger, place, NOW), until, NOW);
          const frameState = state && placeFrameState(place, state);
          return frameState ? [frameState] : [];
        })
      : [];
  const shown = ledger.liveAt(record, NOW);
  return {
    to: settles,
    at: isoInstant(hourStart),
    claim: shown ? frameClaim(ledger, claimId, shown, NOW) : null,
    control,
    casualties: key ? [casualtyFrameFigure(ledger, key, views.casualties(ledger, key, NOW), until)] : [],
  };
}
