import { ageInDays, freshness } from './age';
import type { CampaignClock } from './time';
import type { Bloc, PendingChange, Place, PlaceState } from './types';

/** The names a reader knows things by: factions and blocs of the campaign, and claims seen so far. */
export interface Names {
  faction(id: string): string;
  bloc(id: string | null): Bloc | undefined;
  /** The one-line summary of a claim the replay has shown, if it has. */
  claim(id: string): string | undefined;
}

export interface StoryContext {
  clock: CampaignClock;
  names: Names;
  /** The instant the map shows: the end of the hour on screen. */
  now: string;
  fadeAfterDays: number;
  /** A note on the hour's change, such as the uncertain interval it happened in. */
  note?: string;
}

/** How a marker tells its place's story: who holds it, what is under way, how old and how sure that is. */
export interface PlaceLook {
  status: string;
  bloc: string;
  /** The bloc of the soonest change under way: 'none' for a change to no bloc, '' when none is under way. */
  pendingBloc: string;
  /** The claim the state is inferred from, '' when it is reported. */
  inferredFrom: string;
  /** Whole days since the state was last reported; '' when inferred or without a state. */
  ageDays: string;
  /** The ink the marker keeps for its age, 1 when fresh. */
  freshness: number;
  disputed: boolean;
  /** What holds at the instant, one line each: the holder, how sure and how old that is, what is under way. */
  story: string;
  /** The tooltip: the place's name, its story and where it is. */
  title: string;
}

export function placeLook(
  place: Place,
  state: PlaceState | undefined,
  pending: readonly PendingChange[],
  ctx: StoryContext,
): PlaceLook {
  const age = state ? ageInDays(state.lastReportedAt, ctx.now) : undefined;
  const soonest = pending[0];
  const where = place.precision === 'unknown' ? 'location unknown, listed beside the map' : `${place.precision} coordinates`;
  const story = [
    state ? stateInWords(state, ctx.names) : 'no claim yet',
    state ? reported(state, age, ctx) : undefined,
    ...underWay(state, pending, ctx),
    ctx.note,
  ]
    .filter((line) => line !== undefined)
    .join('\n');
  return {
    status: state?.status ?? 'none',
    bloc: state?.bloc ?? '',
    pendingBloc: soonest ? (soonest.bloc ?? 'none') : '',
    inferredFrom: state?.inferredFrom ?? '',
    ageDays: age === undefined ? '' : String(Math.floor(age)),
    freshness: freshness(age, ctx.fadeAfterDays),
    disputed: state?.disputed ?? false,
    story,
    title: `${place.name} — ${story}\n${place.kind}, ${place.governorate}; ${where}`,
  };
}

/** A state as its fields say it, in words: who holds the place, who attacks or besieges it. */
export interface StateFields {
  status: string;
  controller: string | null;
  contestedBy?: string | null;
  besiegedBy?: string | null;
  vacatedBy?: string | null;
  bloc: string | null;
  disputed?: boolean;
}

/**
 * "contested: held by Syrian Arab Army, attacked by Hay'at Tahrir al-Sham (Syrian government)" —
 * the holder is never called the attacker, and factions go by their names (a bloc's only when
 * it is not the faction's own).
 */
export function stateInWords(state: StateFields, names: Names): string {
  const name = (id: string | null | undefined) => (id ? names.faction(id) : undefined);
  const bloc = names.bloc(state.bloc);
  // the bloc is the holder's, so it follows the holder's name
  const holder =
    name(state.controller) && `${name(state.controller)}${bloc && bloc.name !== name(state.controller) ? ` (${bloc.name})` : ''}`;
  const disputed = state.disputed ? ', disputed' : '';
  if (state.status === 'controlled') return `controlled${holder ? ` by ${holder}` : ''}${disputed}`;
  if (state.status === 'vacated') {
    const leaver = name(state.vacatedBy ?? state.controller);
    return `vacated${leaver ? ` by ${leaver}` : ''}${disputed}`;
  }
  const against = name(state.status === 'besieged' ? state.besiegedBy : state.contestedBy);
  const action = state.status === 'besieged' ? 'besieged' : 'attacked';
  const who = [holder ? `held by ${holder}` : '', against ? `${action} by ${against}` : ''].filter(Boolean);
  return `${state.status}${who.length ? `: ${who.join(', ')}` : ''}${disputed}`;
}

/** When the state was last reported, or the later claim it is inferred from. */
function reported(state: PlaceState, age: number | undefined, { clock, names }: StoryContext): string | undefined {
  if (state.inferredFrom) {
    const holder = state.controller ? names.faction(state.controller) : 'its holder';
    return `inferred from ${names.claim(state.inferredFrom) ?? state.inferredFrom}: held by ${holder} before the first report`;
  }
  if (!state.lastReportedAt || age === undefined) return undefined;
  const days = Math.floor(age);
  return `last reported ${clock.dayEnding(state.lastReportedAt)}${days >= 1 ? ` · ${days} day${days === 1 ? '' : 's'} old` : ''}`;
}

/** One line per change under way; claims saying the same change in the same window share one. */
function underWay(state: PlaceState | undefined, pending: readonly PendingChange[], { clock, names }: StoryContext): string[] {
  const counts = new Map<string, number>();
  for (const change of pending) {
    const line = `under way: ${changeTo(change, state, names)} ${clock.window(change)}`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return [...counts].map(([line, n]) => (n > 1 ? `${line} — ${n} claims` : line));
}

/** "taken by Hay'at Tahrir al-Sham (Syrian opposition)". */
function changeTo(change: PendingChange, state: PlaceState | undefined, names: Names): string {
  const bloc = names.bloc(change.bloc);
  const holder = change.controller ? names.faction(change.controller) : undefined;
  const ofBloc = bloc ? ` (${bloc.name})` : '';
  if (change.status === 'controlled') {
    const kept = state?.status === 'controlled' && state.controller === change.controller;
    return `${kept ? 'held' : 'taken'} by ${holder ?? 'unknown forces'}${ofBloc}`;
  }
  if (change.status === 'vacated') return `vacated${holder ? ` by ${holder}` : ''}${ofBloc}`;
  return `${change.status}${holder ? `, held by ${holder}` : ''}${ofBloc}`;
}
