import { parseFadeAfter } from './age';

/**
 * What a shared link reopens: the campaign, the operation, the hour, the speed, "as known at",
 * the place selected, after how many days markers fade, and whether the replay shows each hour
 * as reported at the time (`view=reported`) rather than as known now.
 */
export interface LinkState {
  campaign?: string;
  operation?: string;
  at?: string;
  speed?: number;
  knownAt?: string;
  place?: string;
  fade?: number;
  view?: 'reported';
}

export function readLink(location: Location): LinkState {
  const q = new URLSearchParams(location.search);
  const speed = Number(q.get('speed'));
  return {
    campaign: q.get('campaign') ?? undefined,
    operation: q.get('operation') || undefined,
    at: q.get('at') ?? undefined,
    speed: Number.isFinite(speed) && speed > 0 ? speed : undefined,
    knownAt: q.get('knownAt') || undefined,
    place: q.get('place') || undefined,
    fade: parseFadeAfter(q.get('fade')),
    view: q.get('view') === 'reported' ? 'reported' : undefined,
  };
}

export function linkTo(state: LinkState, location: Location): string {
  const q = new URLSearchParams();
  for (const [name, value] of Object.entries(state)) if (value !== undefined && value !== '') q.set(name, String(value));
  return `${location.origin}${location.pathname}?${q}`;
}
