import { campaignPath, getJson } from './api';
import type { LogEntry } from './claim-log';
import type { Campaign, Place, SourceRef } from './types';

/** A claim as `GET /campaigns/:c/claims` lists it, as far as the log reads it. */
export interface ListedClaim {
  claimId: string;
  type: LogEntry['type'];
  time: LogEntry['time'];
  quote: string;
  sources: string[];
  operation?: string;
  attributedTo?: string;
  place?: string;
  status?: string;
  controller?: string | null;
  contestedBy?: string;
  besiegedBy?: string;
  vacatedBy?: string;
  takenFrom?: string;
  side?: string;
  category?: string;
  count?: number | { best: number; openEnded?: boolean };
  scope?: string;
  faction?: string;
  settlements?: number;
  areaKm2?: number;
  kind?: string;
  actors?: string[];
  position: number;
}

const PAGE = 1000;

/** Every claim of the campaign at its newest revision, page by page in the order recorded. */
export async function listedClaims(campaignId: string): Promise<ListedClaim[]> {
  const claims: ListedClaim[] = [];
  let after = 0;
  for (;;) {
    const page = await getJson<{ items: ListedClaim[]; next: number | null }>(`${campaignPath(campaignId)}/claims`, {
      limit: PAGE,
      after,
    });
    claims.push(...page.items);
    if (page.next === null) return claims;
    after = page.next;
  }
}

export const campaignSources = (campaignId: string) => getJson<SourceRef[]>(`${campaignPath(campaignId)}/sources`);

export interface LogNames {
  campaign: Campaign;
  places: Map<string, Place>;
  sources: Map<string, SourceRef>;
}

/** The claim as a line of the log, with its names spelled out. */
export function logEntry(claim: ListedClaim, names: LogNames): LogEntry {
  const place = claim.place ? names.places.get(claim.place) : undefined;
  const sources = claim.sources.map((sourceId) => {
    const source = names.sources.get(sourceId);
    return { sourceId, publisher: source?.publisher ?? null, title: source?.title ?? null, url: source?.url ?? null };
  });
  const factions = [
    claim.controller,
    claim.contestedBy,
    claim.besiegedBy,
    claim.vacatedBy,
    claim.takenFrom,
    claim.side,
    claim.faction,
    ...(claim.actors ?? []),
  ].filter((f): f is string => !!f);
  const publishers = [claim.attributedTo, ...sources.map((s) => s.publisher)].filter((p): p is string => !!p);
  return {
    claimId: claim.claimId,
    type: claim.type,
    kind: claim.type === 'incident' ? claim.kind : undefined,
    time: claim.time,
    summary: claimWords(claim, names),
    quote: claim.quote,
    place: claim.place ?? null,
    placeNames: place ? [place.name, ...place.aliases] : claim.place ? [claim.place] : [],
    factions: [...new Set(factions)],
    publishers: [...new Set(publishers)],
    operation: claim.operation ?? null,
    sources,
    position: claim.position,
  };
}

/** What the claim says, in the words the replay's feed uses for it. */
export function claimWords(claim: ListedClaim, names: Pick<LogNames, 'campaign' | 'places'>): string {
  const faction = (id: string | null | undefined) =>
    id ? (names.campaign.factions.find((f) => f.id === id)?.name ?? id) : 'unknown forces';
  const place = (id: string | undefined) => (id ? (names.places.get(id)?.name ?? id) : '');
  const at = claim.place ? ` at ${place(claim.place)}` : '';
  switch (claim.type) {
    case 'control':
      if (claim.status === 'contested')
        return `${place(claim.place)} contested by ${faction(claim.contestedBy)}${claim.controller ? ` (held by ${faction(claim.controller)})` : ''}`;
      if (claim.status === 'besieged')
        return `${place(claim.place)} (held by ${faction(claim.controller)}) besieged by ${faction(claim.besiegedBy)}`;
      if (claim.status === 'vacated') return `${faction(claim.vacatedBy)} withdrew from ${place(claim.place)}`;
      return `${faction(claim.controller)} controls ${place(claim.place)}`;
    case 'casualties': {
      const count =
        typeof claim.count === 'object' ? `${claim.count.best}${claim.count.openEnded ? '+' : ''}` : String(claim.count ?? '');
      const side = claim.side === 'civilians' ? 'civilians' : faction(claim.side);
      return `${count} ${side} ${claim.category ?? ''}${claim.scope === 'cumulative' ? ' (total)' : ''}${at}`;
    }
    case 'territory': {
      const held = [
        claim.settlements !== undefined ? `${claim.settlements} settlements` : '',
        claim.areaKm2 !== undefined ? `${claim.areaKm2} km²` : '',
      ];
      return `${faction(claim.faction)}: ${held.filter(Boolean).join(', ')}${claim.scope === 'cumulative' ? ' in all' : ' taken'}`;
    }
    case 'incident':
      return `${claim.kind ?? 'incident'}${at}${claim.actors?.length ? ` (${claim.actors.map(faction).join(', ')})` : ''}`;
  }
}
