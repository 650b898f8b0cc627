import { CasualtiesClaimInput, ControlClaimInput, IncidentClaimInput, TerritoryClaimInput } from '@timeline/domain';
import { z } from 'zod';
import type { JsonSchema } from './claim-fields';
import type { ClaimNow } from './claim-now';

const SCHEMAS = {
  control: ControlClaimInput,
  casualties: CasualtiesClaimInput,
  territory: TerritoryClaimInput,
  incident: IncidentClaimInput,
} as const;

/**
 * The JSON Schema of a claim type, from the schema the service validates with: the form offers
 * the fields, vocabularies and bounds the service accepts, and follows them when they change.
 */
export function claimSchema(type: ClaimNow['type']): JsonSchema {
  return z.toJSONSchema(SCHEMAS[type], { unrepresentable: 'any' }) as JsonSchema;
}
