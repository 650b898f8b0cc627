import { localDateOf, placeOf } from '@timeline/domain';
import {
  casualtyFigure,
  type CampaignLedger,
  type CasualtyCandidate,
  type ClaimVersion,
  type Group,
  type KnownAt,
  type PlaceState,
  sourceRef,
} from '@timeline/views';
import { claimSummary } from './claim-summary';
import type { CasualtyFrameFigure, FrameClaim, FrameSource, PendingFrameChange, PlaceFrameState } from './frame.types';

/** A place's state as frames, snapshots and corrections carry it; undefined while nothing is in effect. */
export function placeFrameState(place: string, state: PlaceState): PlaceFrameState | undefined {
  if (state.status === null) return undefined;
  return {
    place,
    status: state.status,
    controller: state.controller,
    ...(state.contestedBy ? { contestedBy: state.contestedBy } : {}),
    ...(state.besiegedBy ? { besiegedBy: state.besiegedBy } : {}),
    ...(state.vacatedBy ? { vacatedBy: state.vacatedBy } : {}),
    bloc: state.bloc,
    disputed: state.disputed,
    lastReportedAt: state.lastReportedAt,
    ...(state.inferred && state.basis[0] ? { inferredFrom: state.basis[0] } : {}),
  };
}

/** The changes under way at a place, as frames and snapshots carry them. */
export function pendingFrameChanges(place: string, state: PlaceState | undefined): PendingFrameChange[] {
  return (state?.pending ?? []).map(({ claimId, status, controller, bloc, from, to, precision }) => ({
    place,
    claimId,
    status,
    controller,
    bloc,
    from,
    to,
    precision,
  }));
}

/** A casualty figure as of `until`, on the local day that instant closes. */
export function casualtyFrameFigure(
  ledger: CampaignLedger,
  key: string,
  folded: { candidates: CasualtyCandidate[]; groups: Group[] },
  until: number,
): CasualtyFrameFigure {
  const day = localDateOf(until - 1, ledger.campaign.timeZone);
  const figure = casualtyFigure(ledger, key, day, folded.candidates, folded.groups, until);
  return {
    side: figure.side,
    category: figure.category,
    day,
    daily: figure.daily,
    preferred: figure.preferred
      ? { count: figure.preferred.count, publisher: figure.preferred.publisher, claimId: figure.preferred.claimId }
      : null,
  };
}

/** A claim as a frame, a correction or a live message carries it: with its sources spelled out. */
export function frameClaim(ledger: CampaignLedger, claimId: string, version: ClaimVersion, knownAt: KnownAt): FrameClaim {
  const claim = version.claim;
  return {
    claimId,
    type: claim.type,
    time: claim.time,
    summary: claimSummary(ledger, claim),
    quote: claim.quote,
    place: placeOf(claim) ?? null,
    reportedAt: isoOrNull(ledger.reportedAtOf(version, knownAt)),
    sources: frameSources(ledger, claim.sources, knownAt),
  };
}

/** Sources spelled out as known at knownAt: publisher, title, link and publication. */
export function frameSources(ledger: CampaignLedger, sourceIds: readonly string[], knownAt: KnownAt): FrameSource[] {
  return sourceIds.map((sourceId) => sourceRef(sourceId, ledger.sourceAt(sourceId, knownAt)));
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
