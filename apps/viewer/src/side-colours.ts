import type { SeriesLine } from './chart';
import { colourDistance, labOf, shadeOf } from './lab-colour';
import type { Campaign, CasualtySeries } from './types';

/** Two sides' lines closer than this (CIE76 ΔE) could be taken for each other. */
export const MIN_SIDE_DISTANCE = 18;
/** Civilians take a neutral no bloc uses: the first of these far enough from every side. */
const NEUTRALS = ['#8d7b6a', '#78909c', '#a1887f', '#9e9e9e'] as const;
/** For sides of no bloc. */
const SPARE = ['#8e24aa', '#00897b', '#f4511e', '#3949ab', '#6d4c41', '#c0ca33'] as const;
/** Lines stay dark enough to read on white, and light enough to tell from black. */
const LIGHTEST = 72;
const DARKEST = 30;
/** The hue turns tried, in degrees, when a shade is too near a colour already given. */
const TURNS = [0, 12, -12, 24, -24, 36, -36] as const;

type Faction = Campaign['factions'][number];

/**
 * One colour per side: a faction's side takes a shade of its bloc's colour (the map's), lighter or
 * darker than its siblings' and its hue turned if need be, so no two sides are confusable;
 * civilians take a neutral no bloc uses. Sides are taken in the campaign's order of factions, so
 * a side keeps its colour whatever category is shown.
 */
export function sideColours(sides: readonly string[], campaign: Pick<Campaign, 'factions' | 'blocs'>): Map<string, string> {
  const factions = new Map(campaign.factions.map((f) => [f.id, f]));
  const order = (side: string) => campaign.factions.findIndex((f) => f.id === side);
  const ordered = [...new Set(sides)].sort((a, b) => (order(a) + 1 || Infinity) - (order(b) + 1 || Infinity));
  const colours = new Map<string, string>();
  // the map's colours of blocs with no side here are kept clear of too
  const unshown = campaign.blocs.filter((b) => !ofBloc(ordered, factions, b.id).length).map((b) => b.color);
  const taken = () => [...colours.values(), ...unshown];
  const farEnough = (colour: string, from: string[]) => from.every((c) => colourDistance(c, colour) >= MIN_SIDE_DISTANCE);
  for (const bloc of campaign.blocs) {
    const siblings = ofBloc(ordered, factions, bloc.id);
    lightnesses(labOf(bloc.color)[0], siblings.length).forEach((l, i) => {
      const side = siblings[i];
      if (side === undefined) return;
      const tries = TURNS.map((turn) => shadeOf(bloc.color, l, turn));
      colours.set(side, tries.find((c) => farEnough(c, taken())) ?? tries[0] ?? bloc.color);
    });
  }
  for (const side of ordered.filter((s) => s !== 'civilians' && !colours.has(s)))
    colours.set(side, SPARE.find((c) => farEnough(c, taken())) ?? SPARE[0]);
  if (ordered.includes('civilians')) {
    const blocs = campaign.blocs.map((b) => b.color);
    colours.set('civilians', NEUTRALS.find((c) => farEnough(c, [...taken(), ...blocs])) ?? NEUTRALS[0]);
  }
  return colours;
}

/** The sides among `sides` that are factions of the bloc, in order. */
function ofBloc(sides: readonly string[], factions: Map<string, Faction>, bloc: string): string[] {
  return sides.filter((s) => s !== 'civilians' && factions.get(s)?.bloc === bloc);
}

/**
 * `n` lightnesses within what reads on white, nearest the bloc's own first: its own and steps
 * either side of it when they fit, else evenly apart across the whole range.
 */
function lightnesses(own: number, n: number): number[] {
  const kept = Math.min(LIGHTEST, Math.max(DARKEST, own));
  if (n <= 1) return [kept];
  const step = Math.min(22, (LIGHTEST - DARKEST) / (n - 1));
  const around = [0, 1, -1, 2, -2, 3, -3].map((k) => kept + k * step).filter((l) => l >= DARKEST - 0.01 && l <= LIGHTEST + 0.01);
  if (around.length >= n) return around.slice(0, n);
  const even = Array.from({ length: n }, (_, i) => DARKEST + i * step);
  return even.sort((a, b) => Math.abs(a - kept) - Math.abs(b - kept));
}

/** The lines of one category with a preferred figure, each side in its colour. */
export function seriesLines(series: CasualtySeries, category: string, campaign: Campaign): SeriesLine[] {
  const factions = new Map(campaign.factions.map((f) => [f.id, f]));
  const colours = sideColours(
    series.series.map((s) => s.side),
    campaign,
  );
  return series.series
    .filter((s) => s.category === category && s.days.some((d) => d.preferred))
    .map((s) => ({
      side: s.side,
      label: s.side === 'civilians' ? 'Civilians' : (factions.get(s.side)?.name ?? s.side),
      color: colours.get(s.side) ?? '#9e9e9e',
      days: s.days,
    }));
}
