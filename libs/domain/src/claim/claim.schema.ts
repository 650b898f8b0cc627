import { z } from 'zod';
import { Slug } from '../common/slug';
import { WrittenTime } from '../time/claim-time';

import {
  CASUALTY_CATEGORIES,
  CLAIM_TYPES as VOCABULARY_CLAIM_TYPES,
  CONTROL_STATUSES,
  INCIDENT_KINDS,
  RANKS,
  SCOPES,
  type Rank,
} from '../vocabulary';

export { CASUALTY_CATEGORIES, CONTROL_STATUSES, INCIDENT_KINDS, RANKS, SCOPES, type Rank };
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

const MAX_COUNT = 100_000_000;
const Number0 = z.number().int().min(0).max(MAX_COUNT);

/** A casualty count: a number n, or `{best, low?, high?, openEnded?}` ("283+" is open-ended). */
export const Count = z.union([
  Number0,
  z
    .strictObject({ best: Number0, low: Number0.optional(), high: Number0.optional(), openEnded: z.boolean().optional() })
    .superRefine((c, ctx) => {
      if (c.low !== undefined && c.low > c.best) ctx.addIssue({ code: 'custom', path: ['low'], message: 'must not exceed best' });
      if (c.high !== undefined && c.high < c.best)
        ctx.addIssue({ code: 'custom', path: ['high'], message: 'must not be below best' });
      if (c.openEnded && c.high !== undefined)
        ctx.addIssue({ code: 'custom', path: ['high'], message: 'an open-ended count has no high' });
    }),
]);
export type CountInput = z.infer<typeof Count>;
export interface CountValue {
  best: number;
  low?: number;
  high?: number;
  openEnded?: boolean;
}

const common = {
  claimId: Slug.optional(),
  operation: Slug.optional(),
  time: WrittenTime,
  sources: z.array(Slug).min(1, 'name at least one source').max(50),
  quote: z.string().trim().min(1, 'quote the sentence the claim comes from').max(5000),
  attributedTo: Slug.optional(),
  denies: z.array(Slug).max(50).optional(),
  note: z.string().max(2000).optional(),
};

const controlFields = {
  place: Slug,
  status: z.enum(CONTROL_STATUSES),
  controller: Slug.nullable().optional(),
  contestedBy: Slug.optional(),
  besiegedBy: Slug.optional(),
  vacatedBy: Slug.optional(),
  /** Whom the place was taken from ("captured X from government forces"): its holder before the claim. */
  takenFrom: Slug.optional(),
  /** On a region, district, governorate or country: the claim holds for every place inside it. */
  coversPlaces: z.boolean().optional(),
};
const casualtyFields = {
  side: Slug,
  category: z.enum(CASUALTY_CATEGORIES),
  count: Count,
  scope: z.enum(SCOPES),
  corroborates: Slug.optional(),
  place: Slug.optional(),
};
const territoryFields = {
  faction: Slug,
  settlements: z.number().int().min(0).max(1_000_000).optional(),
  areaKm2: z.number().min(0).max(10_000_000).optional(),
  scope: z.enum(SCOPES),
  place: Slug.optional(),
};
const incidentFields = {
  kind: z.enum(INCIDENT_KINDS),
  place: Slug.optional(),
  actors: z.array(Slug).max(50).optional(),
};

/** Which faction fields each control status needs and forbids (domain.md, control vocabulary). */
const CONTROL_FIELDS: Record<ControlStatus, { required: string[]; forbidden: string[] }> = {
  controlled: { required: ['controller'], forbidden: ['contestedBy', 'besiegedBy', 'vacatedBy'] },
  contested: { required: ['contestedBy'], forbidden: ['besiegedBy', 'vacatedBy'] },
  besieged: { required: ['controller', 'besiegedBy'], forbidden: ['contestedBy', 'vacatedBy'] },
  vacated: { required: ['vacatedBy'], forbidden: ['controller', 'contestedBy', 'besiegedBy'] },
};

function checkControl(claim: Record<string, unknown>, ctx: z.RefinementCtx): void {
  // the status has passed the enum of the control schema before this refinement runs
  const status = claim.status as ControlStatus;
  const rule = CONTROL_FIELDS[status];
  for (const field of rule.required) {
    if (claim[field] === undefined || claim[field] === null) {
      ctx.addIssue({ code: 'custom', path: [field], message: `is required when status is "${status}"` });
    }
  }
  for (const field of rule.forbidden) {
    if (claim[field] !== undefined && claim[field] !== null) {
      ctx.addIssue({ code: 'custom', path: [field], message: `does not apply when status is "${status}"` });
    }
  }
  if (claim.takenFrom !== undefined && claim.takenFrom === claim.controller)
    ctx.addIssue({
      code: 'custom',
      path: ['takenFrom'],
      message: 'must differ from controller: a place is taken from its previous holder',
    });
}

function checkTerritory(claim: { settlements?: number; areaKm2?: number }, ctx: z.RefinementCtx): void {
  if (claim.settlements === undefined && claim.areaKm2 === undefined) {
    ctx.addIssue({ code: 'custom', path: ['settlements'], message: 'give settlements, areaKm2 or both' });
  }
}

export const ControlClaimInput = z.strictObject({ type: z.literal('control'), ...common, ...controlFields });
export const CasualtiesClaimInput = z.strictObject({ type: z.literal('casualties'), ...common, ...casualtyFields });
export const TerritoryClaimInput = z.strictObject({ type: z.literal('territory'), ...common, ...territoryFields });
export const IncidentClaimInput = z.strictObject({ type: z.literal('incident'), ...common, ...incidentFields });

/** One claim as an author writes it: the body of `POST /campaigns/:c/claims`. */
export const ClaimInput = z
  .discriminatedUnion('type', [ControlClaimInput, CasualtiesClaimInput, TerritoryClaimInput, IncidentClaimInput])
  .superRefine((claim, ctx) => {
    if (claim.type === 'control') checkControl(claim, ctx);
    if (claim.type === 'territory') checkTerritory(claim, ctx);
  });
export type ClaimInput = z.infer<typeof ClaimInput>;
export type ClaimType = ClaimInput['type'];
/** The claim types, each the `type` of one of the schemas above. */
export const CLAIM_TYPES: readonly ClaimType[] = VOCABULARY_CLAIM_TYPES;

export const MAX_BATCH = 1000;
/** `{claims: [...]}`: up to 1,000 claims appended all-or-nothing. */
export const ClaimBatchInput = z.strictObject({ claims: z.array(z.unknown()).min(1).max(MAX_BATCH) });

/** The fields a correction may change: any of the claim's own fields except its id and type. */
export const CORRECTABLE_FIELDS = [
  'operation',
  'time',
  'sources',
  'quote',
  'attributedTo',
  'denies',
  'note',
  'place',
  'status',
  'controller',
  'contestedBy',
  'besiegedBy',
  'vacatedBy',
  'takenFrom',
  'coversPlaces',
  'side',
  'category',
  'count',
  'scope',
  'corroborates',
  'settlements',
  'areaKm2',
  'kind',
  'actors',
] as const;

/**
 * What a correction's `changes` holds, per type of claim: any of that type's fields, `null`
 * removing an optional one. For the API's documentation; a correction is checked as the claim it
 * makes once merged (`prepareCorrection`), with the errors of that claim.
 */
export const ClaimChangesByType = z
  .union([
    ControlClaimInput.omit({ type: true, claimId: true }).partial().meta({ title: 'Changes to a control claim' }),
    CasualtiesClaimInput.omit({ type: true, claimId: true }).partial().meta({ title: 'Changes to a casualties claim' }),
    TerritoryClaimInput.omit({ type: true, claimId: true }).partial().meta({ title: 'Changes to a territory claim' }),
    IncidentClaimInput.omit({ type: true, claimId: true }).partial().meta({ title: 'Changes to an incident claim' }),
  ])
  .describe("the fields to change, of the claim's own type (its id and type cannot change); null removes an optional field");

export const ClaimCorrectionInput = z.strictObject({
  expectedRevision: z.number().int().min(0),
  changes: z.record(z.string(), z.unknown()).refine((c) => Object.keys(c).length > 0, 'change at least one field'),
  sources: z.array(Slug).min(1, 'name the source of the correction').max(50),
  reason: z.string().trim().min(1).max(2000),
});
export type ClaimCorrectionInput = z.infer<typeof ClaimCorrectionInput>;

export const ClaimRetractionInput = z.strictObject({
  expectedRevision: z.number().int().min(0),
  reason: z.string().trim().min(1).max(2000),
  sources: z.array(Slug).max(50).optional(),
});
export type ClaimRetractionInput = z.infer<typeof ClaimRetractionInput>;

export const ClaimRankInput = z.strictObject({
  rank: z.enum(RANKS),
  reason: z.string().trim().min(1).max(2000),
});
export type ClaimRankInput = z.infer<typeof ClaimRankInput>;
