import { CIVILIANS, DomainError, type FieldError, unknownName } from '@timeline/domain';
import type { CampaignEntry } from '@timeline/views';

/** What a read may name: each checked against the campaign, by the query parameter that names it. */
export interface NamedInRead {
  place?: string;
  source?: string;
  faction?: string;
  operation?: string;
  publisher?: string;
  /** A casualty side: a faction or civilians. */
  side?: string;
}

/**
 * A read that names a place, source, faction, operation or publisher the campaign does not know
 * is a 404 naming the parameter and the ids meant; an unknown casualty side is a value outside
 * the accepted ones, a 422 listing them. An empty answer would look like "nothing happened".
 */
type Known = Pick<ReadonlyMap<string, unknown>, 'has' | 'keys'>;

export function checkNamedInRead(entry: CampaignEntry, named: NamedInRead, publishers?: Known): void {
  const campaignId = entry.campaign.campaignId;
  const factions = [...entry.factions.keys()];
  const operations = new Map(entry.campaign.operations.map((o) => [o.id, o]));
  const lookups: [keyof NamedInRead, Known | undefined, string][] = [
    ['place', entry.places, `(the places are listed at /campaigns/${campaignId}/places)`],
    ['source', entry.sources, `(the sources are listed at /campaigns/${campaignId}/sources)`],
    ['faction', entry.factions, `(the factions: ${factions.join(', ')})`],
    ['operation', operations, `(the operations: ${[...operations.keys()].join(', ') || 'none'})`],
    ['publisher', publishers, '(the publishers are listed at /publishers)'],
  ];
  const missing: FieldError[] = lookups.flatMap(([param, known, list]) => {
    const id = named[param];
    return id === undefined || !known || known.has(id)
      ? []
      : [{ path: param, message: `${unknownName(param, id, known.keys())} ${list}` }];
  });
  if (missing.length)
    throw DomainError.notFound(`in campaign "${campaignId}": ${missing.map((e) => e.message).join('; ')}`, missing);

  const { side } = named;
  if (side !== undefined && side !== CIVILIANS && !entry.factions.has(side)) {
    const sides = [...factions, CIVILIANS];
    throw DomainError.invalid(`"${side}" is not a side of campaign "${campaignId}"`, [
      { path: 'side', message: `${unknownName('side', side, sides)} (a side is a faction or ${CIVILIANS}: ${sides.join(', ')})` },
    ]);
  }
}
