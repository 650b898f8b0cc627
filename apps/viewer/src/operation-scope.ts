import { campaignPath, getJson } from './api';
import type { CampaignClock } from './time';
import type { FrameClaim } from './types';

/** What an operation covers: the places its claims are about, its claims, and its days within the campaign's window. */
export interface OperationScope {
  places: ReadonlySet<string>;
  claims: ReadonlySet<string>;
  /** The local days of its first and last claim, kept within the window. */
  fromDay: string;
  toDay: string;
}

/** A claim of `/claims` as far as an operation's scope goes. */
export interface OperationClaim {
  claimId: string;
  place?: string;
  time: { from: string; to: string };
}

/** The scope of an operation from its claims; undefined when it has none within the window. */
export function scopeOf(
  claims: readonly OperationClaim[],
  clock: Pick<CampaignClock, 'dayOf'>,
  window: { from: string; to: string },
): OperationScope | undefined {
  if (!claims.length) return undefined;
  const first = clock.dayOf(Math.min(...claims.map((c) => Date.parse(c.time.from))));
  const last = clock.dayOf(Math.max(...claims.map((c) => Date.parse(c.time.to))) - 1);
  const fromDay = first < window.from ? window.from : first;
  const toDay = last > window.to ? window.to : last;
  if (fromDay > toDay) return undefined;
  return {
    places: new Set(claims.flatMap((c) => (c.place ? [c.place] : []))),
    claims: new Set(claims.map((c) => c.claimId)),
    fromDay,
    toDay,
  };
}

/** Every claim of an operation, page by page. */
export async function operationScope(
  campaignId: string,
  operation: string,
  clock: CampaignClock,
  window: { from: string; to: string },
): Promise<OperationScope | undefined> {
  const claims: OperationClaim[] = [];
  let after = 0;
  for (;;) {
    const page = await getJson<{ items: OperationClaim[]; next: number | null }>(`${campaignPath(campaignId)}/claims`, {
      operation,
      limit: 1000,
      after,
    });
    claims.push(...page.items);
    if (page.next === null) break;
    after = page.next;
  }
  return scopeOf(claims, clock, window);
}

/** A frame's claims as the feed shows them while an operation is chosen: its own only. */
export function claimsWithin<T extends { claims: FrameClaim[]; opening: FrameClaim[] }>(
  frame: T,
  scope: OperationScope | undefined,
): T {
  if (!scope) return frame;
  const within = (c: FrameClaim) => scope.claims.has(c.claimId);
  return { ...frame, claims: frame.claims.filter(within), opening: frame.opening.filter(within) };
}
