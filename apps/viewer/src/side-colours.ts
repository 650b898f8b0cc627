import type { SeriesLine } from './chart';
import type { Campaign, CasualtySeries } from './types';

const CIVILIANS = '#455a64';
/** For sides of no bloc, and for a second side of a bloc whose colour is taken. */
const SPARE = ['#6d4c41', '#00897b', '#8e24aa', '#f4511e', '#3949ab', '#c0ca33'] as const;

const spare = (i: number): string => SPARE[i % SPARE.length] ?? SPARE[0];

/** The lines of one category with a preferred figure, each in its bloc's colour unless a line before took it. */
export function seriesLines(series: CasualtySeries, category: string, campaign: Campaign): SeriesLine[] {
  const factions = new Map(campaign.factions.map((f) => [f.id, f]));
  const blocs = new Map(campaign.blocs.map((b) => [b.id, b]));
  const used = new Set<string>();
  return series.series
    .filter((s) => s.category === category && s.days.some((d) => d.preferred))
    .map((s, i) => {
      const faction = factions.get(s.side);
      let color = s.side === 'civilians' ? CIVILIANS : (blocs.get(faction?.bloc ?? '')?.color ?? spare(i));
      if (used.has(color)) color = spare(i);
      used.add(color);
      return { side: s.side, label: faction?.name ?? s.side, color, days: s.days };
    });
}
