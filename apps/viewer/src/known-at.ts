import { campaignPath, getJson } from './api';
import { stateInWords, type Names } from './place-story';
import type { CasualtySeries, ControlView, PlaceState } from './types';

export interface KnownAtDiff {
  /** place → "then … → now …" */
  places: Map<string, string>;
  /** "side|day" of preferred figures that differ */
  figures: Set<string>;
}

/** Factions by their ids, to compare states; the difference is said with their names. */
const ids: Names = { faction: (id) => id, bloc: () => undefined, claim: () => undefined };
const describe = (s: PlaceState | undefined, names = ids) => (s?.status ? stateInWords(s, names) : 'no claim');

/** Whether two views of a place say the same: the same state, held for the same bloc. */
export const sameState = (a: PlaceState | undefined, b: PlaceState | undefined) =>
  describe(a) === describe(b) && a?.bloc === b?.bloc;

/**
 * The places whose state at `at` differs between what was known at `knownAt` and what is known
 * now; with `reportedBy`, both from the claim versions reported by then, as a replay as reported shows them.
 */
export async function placesChangedSince(
  campaignId: string,
  at: string,
  knownAt: string,
  operation?: string,
  reportedBy?: string,
  names: Pick<Names, 'faction'> = ids,
): Promise<Map<string, string>> {
  const path = `${campaignPath(campaignId)}/control`;
  const [then, now] = await Promise.all([
    getJson<ControlView>(path, { at, knownAt, operation, reportedBy }),
    getJson<ControlView>(path, { at, operation, reportedBy }),
  ]);
  const before = new Map(then.places.map((p) => [p.place, p]));
  const after = new Map(now.places.map((p) => [p.place, p]));
  const changed = new Map<string, string>();
  for (const place of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(place);
    const b = after.get(place);
    const named = { ...ids, faction: names.faction };
    if (!sameState(a, b)) changed.set(place, `then ${describe(a, named)} → now ${describe(b, named)}`);
  }
  return changed;
}

/** The preferred figures of a category that differ between two series. */
export function figuresChanged(then: CasualtySeries, now: CasualtySeries, category: string): Set<string> {
  const key = (side: string, day: string) => `${side}|${day}`;
  const best = (s: CasualtySeries) =>
    new Map(
      s.series
        .filter((l) => l.category === category)
        .flatMap((l) => l.days.map((d) => [key(l.side, d.day), d.preferred?.count.best ?? null] as const)),
    );
  const a = best(then);
  const b = best(now);
  return new Set([...new Set([...a.keys(), ...b.keys()])].filter((k) => (a.get(k) ?? null) !== (b.get(k) ?? null)));
}
