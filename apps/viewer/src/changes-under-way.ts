import type { Frame, PendingChange } from './types';

/** The changes under way at one instant, by place, each place's soonest to take effect first. */
export type ChangesUnderWay = ReadonlyMap<string, readonly PendingChange[]>;

/** What a snapshot says is under way at its instant: the whole set, replacing any before it. */
export function underWayAt(pending: readonly PendingChange[]): ChangesUnderWay {
  const byPlace = new Map<string, PendingChange[]>();
  for (const change of pending) {
    const changes = byPlace.get(change.place) ?? [];
    if (!changes.some((c) => c.claimId === change.claimId)) byPlace.set(change.place, [...changes, change]);
  }
  for (const changes of byPlace.values()) changes.sort(soonestFirst);
  return byPlace;
}

/**
 * What is under way at the end of a frame's hour: the changes whose window opened in it join;
 * a change leaves when its claim takes effect in the hour, when the hour reaches the end of its
 * window, or when the place comes to be in the state the change would bring (another claim got
 * there first: it would change nothing any more, as the service's views say).
 */
export function underWayAfter(
  before: ChangesUnderWay,
  frame: Pick<Frame, 'until' | 'claims' | 'pending' | 'control'>,
): ChangesUnderWay {
  const settled = new Set(frame.claims.map((c) => c.claimId));
  const until = Date.parse(frame.until);
  const now = new Map(frame.control.map((s) => [s.place, s]));
  const alreadySo = (c: PendingChange) => {
    const state = now.get(c.place);
    return state !== undefined && state.status === c.status && state.controller === c.controller;
  };
  const stillUnderWay = (c: PendingChange) => !settled.has(c.claimId) && Date.parse(c.to) > until && !alreadySo(c);
  return underWayAt([...[...before.values()].flat(), ...frame.pending].filter(stillUnderWay));
}

function soonestFirst(a: PendingChange, b: PendingChange): number {
  return Date.parse(a.to) - Date.parse(b.to) || a.claimId.localeCompare(b.claimId);
}
