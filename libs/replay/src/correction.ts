import { casualtyKey, NOW, placesOfControl, placeStateAt, type CampaignLedger, type TimelineViews } from '@timeline/views';
import { casualtyFrameFigure, frameClaim, placeFrameState } from './frame-mappers';
import type { Correction } from './frame.types';
import { floorToLocalHour, HOUR, isoInstant } from './local-hour';

/**
 * What a claim recorded after a replay was pinned changes in the hour it takes effect, as known
 * now: the claim, the state of its place at the end of that hour, and its casualty figure.
 */
export function correctionFor(views: TimelineViews, ledger: CampaignLedger, claimId: string): Correction | undefined {
  const record = ledger.claims.get(claimId);
  const version = record?.versions.at(-1);
  if (!record || !version) return undefined;
  const hourStart = floorToLocalHour(version.to - 1, ledger.campaign.timeZone);
  const until = hourStart + HOUR;
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
  return {
    to: version.to,
    at: isoInstant(hourStart),
    claim: ledger.liveAt(record, NOW) ? frameClaim(ledger, claimId, version, NOW) : null,
    control,
    casualties: key ? [casualtyFrameFigure(ledger, key, views.casualties(ledger, key, NOW), until)] : [],
  };
}
