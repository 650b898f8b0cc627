import { countInWords } from './casualty-count';
import { sameState } from './known-at';
import type { CasualtyDay, CasualtyDayFigure, ClaimRecord, ControlPlace, ControlView, SourceRef } from './types';

/** A place whose state at an instant is known differently now from what had been reported by then. */
export interface PlaceLearnedLater {
  place: string;
  name: string;
  /** As known now; undefined when no claim about the place stands now. */
  now: ControlPlace | undefined;
  /** As reported by the instant; undefined when nothing about the place had been reported. */
  then: ControlPlace | undefined;
}

/** A preferred casualty figure of the day known differently now from what had been reported by then. */
export interface FigureLearnedLater {
  side: string;
  category: string;
  /** "114+", or null when there is no preferred figure. */
  now: string | null;
  then: string | null;
}

/** The report that made a state known: the claim, the source published first and when it was public. */
export interface Revelation {
  claimId: string;
  source: SourceRef;
  /** The end of that source's publication: by then the report was public. */
  reportedAt: string;
}

/** The places whose state differs between the view as known now and the view as reported by its instant. */
export function placesLearnedLater(now: ControlView, reported: ControlView): PlaceLearnedLater[] {
  const known = new Map(now.places.map((p) => [p.place, p]));
  const then = new Map(reported.places.map((p) => [p.place, p]));
  return [...new Set([...known.keys(), ...then.keys()])]
    .filter((place) => !sameState(known.get(place), then.get(place)))
    .map((place) => {
      const [a, b] = [known.get(place), then.get(place)];
      return { place, name: a?.name ?? b?.name ?? place, now: a, then: b };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The side and category whose preferred figure of the day differs between the two views, by side then category. */
export function figuresLearnedLater(now: CasualtyDay, reported: CasualtyDay): FigureLearnedLater[] {
  const key = (f: CasualtyDayFigure) => `${f.side}|${f.category}`;
  const said = (f: CasualtyDayFigure | undefined) => (f?.preferred ? countInWords(f.preferred.count) : null);
  const known = new Map(now.figures.map((f) => [key(f), f]));
  const then = new Map(reported.figures.map((f) => [key(f), f]));
  return [...new Set([...known.keys(), ...then.keys()])]
    .map((k) => {
      const [a, b] = [known.get(k), then.get(k)];
      return { side: a?.side ?? b?.side ?? '', category: a?.category ?? b?.category ?? '', now: said(a), then: said(b) };
    })
    .filter((f) => f.now !== f.then)
    .sort((a, b) => a.side.localeCompare(b.side) || a.category.localeCompare(b.category));
}

/** The sources of a claim's latest version: those its last event cited, else the claim's own. */
export function latestSources(claim: ClaimRecord): SourceRef[] {
  const cited = claim.history.findLast((v) => v.sources?.length)?.sources;
  return cited ?? claim.sourceDetails;
}

/**
 * Which of the claims a state rests on made it public first, by the service's `reportedAt` of
 * each, with the source whose publication dated it. Undefined when none of them has a
 * `reportedAt`: such a state has no place in a view as reported.
 */
export function revelation(basis: readonly ClaimRecord[]): Revelation | undefined {
  let first: Revelation | undefined;
  for (const claim of basis) {
    const { reportedAt } = claim;
    if (!reportedAt || (first && Date.parse(first.reportedAt) <= Date.parse(reportedAt))) continue;
    const sources = latestSources(claim);
    const source = sources.find((s) => s.published?.to === reportedAt) ?? sources[0];
    if (source) first = { claimId: claim.claimId, source, reportedAt };
  }
  return first;
}

/**
 * How a report stands to a state known now: the report that made it known, or, for a holder
 * inferred before the first report, the report it is inferred from — the claim whose `takenFrom`
 * says whom the place was taken from, which is no report of that holder.
 */
export function revealedHow(now: ControlPlace | undefined): string {
  return now?.inferred ? 'Inferred from the report of ' : 'Made known by ';
}
