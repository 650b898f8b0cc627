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
export function checkNamedInRead(entry: CampaignEntry, named: NamedInRead, publishers?: ReadonlyMap<string, unknown>): void {
  const campaignId = entry.campaign.campaignId;
  const factions = [...entry.factions.keys()];
  const operations = entry.campaign.operations.map((o) => o.id);
  const missing: FieldError[] = [];
  const check = (
    param: keyof NamedInRead,
    what: string,
    id: string | undefined,
    known: Iterable<string>,
    has: boolean,
    list: string,
  ) => {
    if (id !== undefined && !has) missing.push({ path: param, message: `${unknownName(what, id, known)} ${list}` });
  };
  const { place, source, faction, operation, publisher, side } = named;
  check(
    'place',
    'place',
    place,
    entry.places.keys(),
    place !== undefined && entry.places.has(place),
    `(the places are listed at /campaigns/${campaignId}/places)`,
  );
  check(
    'source',
    'source',
    source,
    entry.sources.keys(),
    source !== undefined && entry.sources.has(source),
    `(the sources are listed at /campaigns/${campaignId}/sources)`,
  );
  check(
    'faction',
    'faction',
    faction,
    factions,
    faction !== undefined && entry.factions.has(faction),
    `(the factions: ${factions.join(', ')})`,
  );
  check(
    'operation',
    'operation',
    operation,
    operations,
    operation !== undefined && operations.includes(operation),
    `(the operations: ${operations.join(', ') || 'none'})`,
  );
  if (publishers)
    check(
      'publisher',
      'publisher',
      publisher,
      publishers.keys(),
      publisher !== undefined && publishers.has(publisher),
      '(the publishers are listed at /publishers)',
    );
  if (missing.length)
    throw DomainError.notFound(`in campaign "${campaignId}": ${missing.map((e) => e.message).join('; ')}`, missing);

  if (side !== undefined && side !== CIVILIANS && !entry.factions.has(side)) {
    const sides = [...factions, CIVILIANS];
    throw DomainError.invalid(`"${side}" is not a side of campaign "${campaignId}"`, [
      { path: 'side', message: `${unknownName('side', side, sides)} (a side is a faction or ${CIVILIANS}: ${sides.join(', ')})` },
    ]);
  }
}
