import type { CampaignRegistration } from '../catalog/campaign.schema';
import { AREA_KINDS, isAreaKind, type PlaceKind } from '../catalog/place.schema';
import { unknownName } from '../common/did-you-mean';
import type { FieldError } from '../common/domain-error';
import type { ClaimInput } from './claim.schema';

/** The kinds of thing a command names by id. */
export type ReferenceKind = 'place' | 'source' | 'faction' | 'operation' | 'claim' | 'publisher';

/** What a claim may refer to in its campaign; the shell answers from the catalog. */
export interface CampaignReferences {
  campaignId: string;
  timeZone: string;
  /** The campaign's days and area, which claims and places must fall in. */
  campaign: Pick<CampaignRegistration, 'timeZone' | 'window' | 'claimWindow' | 'area' | 'adminAreas'>;
  /** Every known id of a kind, to suggest the one meant when an id is unknown. */
  knownIds(kind: ReferenceKind): Iterable<string>;
  hasPlace(placeId: string): boolean;
  /** The kind of a registered place; undefined when there is none. */
  placeKind(placeId: string): PlaceKind | undefined;
  hasSource(sourceId: string): boolean;
  hasFaction(factionId: string): boolean;
  hasOperation(operationId: string): boolean;
  hasClaim(claimId: string): boolean;
  isPublisher(publisherId: string): boolean;
}

/** The side of a casualty figure that is no faction. */
export const CIVILIANS = 'civilians';

/** Every reference of a claim that names nothing known, as field errors. */
export function unresolvedReferences(claim: ClaimInput, refs: CampaignReferences, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  const at = (field: string) => (prefix ? `${prefix}.${field}` : field);
  const need = (ok: boolean, field: string, what: ReferenceKind, id: string) => {
    if (!ok) errors.push({ path: at(field), message: unknownName(what, id, refs.knownIds(what)) });
  };
  const place = (field: string, id: string | undefined) => id !== undefined && need(refs.hasPlace(id), field, 'place', id);
  const faction = (field: string, id: string | null | undefined) =>
    id !== undefined && id !== null && need(refs.hasFaction(id), field, 'faction', id);
  const side = (id: string) => {
    if (id !== CIVILIANS && !refs.hasFaction(id))
      errors.push({
        path: at('side'),
        message: `${unknownName('side', id, [...refs.knownIds('faction'), CIVILIANS])} (a side is a faction or "${CIVILIANS}")`,
      });
  };
  const claimRef = (field: string, id: string) => {
    if (id === claim.claimId) errors.push({ path: at(field), message: 'a claim cannot refer to itself' });
    else need(refs.hasClaim(id), field, 'claim', id);
  };

  if (claim.operation !== undefined) need(refs.hasOperation(claim.operation), 'operation', 'operation', claim.operation);
  claim.sources.forEach((id, i) => need(refs.hasSource(id), `sources.${i}`, 'source', id));
  if (claim.attributedTo !== undefined)
    need(refs.isPublisher(claim.attributedTo), 'attributedTo', 'publisher', claim.attributedTo);
  claim.denies?.forEach((id, i) => claimRef(`denies.${i}`, id));

  switch (claim.type) {
    case 'control':
      place('place', claim.place);
      faction('controller', claim.controller);
      faction('contestedBy', claim.contestedBy);
      faction('besiegedBy', claim.besiegedBy);
      faction('vacatedBy', claim.vacatedBy);
      faction('takenFrom', claim.takenFrom);
      if (claim.coversPlaces) {
        const kind = refs.placeKind(claim.place);
        if (kind !== undefined && !isAreaKind(kind))
          errors.push({
            path: at('coversPlaces'),
            message: `applies only to a place of kind ${AREA_KINDS.join(', ')}; "${claim.place}" is a ${kind}`,
          });
      }
      break;
    case 'casualties':
      side(claim.side);
      place('place', claim.place);
      if (claim.corroborates !== undefined) claimRef('corroborates', claim.corroborates);
      break;
    case 'territory':
      faction('faction', claim.faction);
      place('place', claim.place);
      break;
    case 'incident':
      place('place', claim.place);
      claim.actors?.forEach((id, i) => faction(`actors.${i}`, id));
      break;
  }
  return errors;
}
