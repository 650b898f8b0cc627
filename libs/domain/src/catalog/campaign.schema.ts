import { z } from 'zod';
import { unknownName } from '../common/did-you-mean';
import { Slug } from '../common/slug';
import { isCalendarDate } from '../time/calendar';
import { isValidTimeZone } from '../time/zoned-time';
import { ACTOR_TYPES } from '../vocabulary';

export { ACTOR_TYPES };
export type ActorType = (typeof ACTOR_TYPES)[number];

const CalendarDate = z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD');
/** `#rrggbb`, or the short `#rgb`, stored as `#rrggbb` with each digit doubled as written (`#f00` → `#ff0000`). */
const Color = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a colour #rrggbb or #rgb')
  .transform((color) => (color.length === 4 ? `#${[...color.slice(1)].map((d) => d + d).join('')}` : color));

export const Bloc = z.strictObject({ id: Slug, name: z.string().min(1).max(200), color: Color });
export const Faction = z.strictObject({ id: Slug, name: z.string().min(1).max(200), bloc: Slug });
export const Operation = z.strictObject({ id: Slug, title: z.string().min(1).max(300) });

const DateWindow = z.strictObject({ from: CalendarDate, to: CalendarDate });

/**
 * Where a campaign's places lie: a box in degrees (not crossing the antimeridian), with where it
 * comes from. A place outside it is refused.
 */
export const CampaignArea = z
  .strictObject({
    south: z.number().min(-90).max(90),
    west: z.number().min(-180).max(180),
    north: z.number().min(-90).max(90),
    east: z.number().min(-180).max(180),
    note: z.string().min(1).max(500).optional().describe('where the box comes from, e.g. "approximate, from …"'),
  })
  .superRefine((area, ctx) => {
    if (area.north <= area.south) ctx.addIssue({ code: 'custom', path: ['north'], message: 'must be north of south' });
    if (area.east <= area.west) ctx.addIssue({ code: 'custom', path: ['east'], message: 'must be east of west' });
  });
export type CampaignArea = z.infer<typeof CampaignArea>;

/** The country a campaign is fought in, as conflict datasets name it (ISO 3166 codes, ACLED's region). */
export const CampaignCountry = z.strictObject({
  name: z.string().min(1).max(100).describe('e.g. "Syria"'),
  iso: z.number().int().min(1).max(999).describe('ISO 3166-1 numeric code, e.g. 760'),
  iso3: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be three capital letters, e.g. SYR')
    .describe('ISO 3166-1 alpha-3 code, e.g. SYR'),
  region: z.string().min(1).max(100).describe('ACLED\'s region, e.g. "Middle East"'),
  note: z.string().min(1).max(500).optional().describe('where the codes come from'),
});
export type CampaignCountry = z.infer<typeof CampaignCountry>;

/** The fields of a campaign an admin may amend after registering it (`CampaignAmended`). */
const amendableFields = {
  window: DateWindow.describe('the days the views and replays cover, in the campaign time zone'),
  /** The valid time claims may have, when wider than the window: the background before it, the aftermath after it. */
  claimWindow: DateWindow.optional().describe(
    'the days a claim may fall in when wider than window (background before it, aftermath after it); window when absent',
  ),
  area: CampaignArea.optional(),
  adminAreas: z
    .array(z.string().min(1).max(100))
    .min(1)
    .max(500)
    .optional()
    .describe("the campaign's admin areas (governorates, regions): a place's governorate must be one of them"),
  country: CampaignCountry.optional(),
  actorTypes: z
    .record(Slug, z.enum(ACTOR_TYPES))
    .optional()
    .describe("what kind of actor each faction is, in ACLED's actor types: how exports fill inter1, inter2 and interaction"),
};

/** The body of `POST /campaigns`, and the data of `CampaignRegistered`. */
export const CampaignRegistration = z
  .strictObject({
    campaignId: Slug,
    title: z.string().min(1).max(300),
    timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Damascus'),
    ...amendableFields,
    blocs: z.array(Bloc).min(1).max(100),
    factions: z.array(Faction).min(1).max(500),
    operations: z.array(Operation).max(200).default([]),
  })
  .superRefine((campaign, ctx) => {
    if (campaign.window.to < campaign.window.from) {
      ctx.addIssue({ code: 'custom', path: ['window', 'to'], message: 'must not be before window.from' });
    }
    const claims = campaign.claimWindow;
    if (claims && claims.from > campaign.window.from)
      ctx.addIssue({ code: 'custom', path: ['claimWindow', 'from'], message: 'must not be after window.from' });
    if (claims && claims.to < campaign.window.to)
      ctx.addIssue({ code: 'custom', path: ['claimWindow', 'to'], message: 'must not be before window.to' });
    const blocs = new Set(campaign.blocs.map((b) => b.id));
    campaign.factions.forEach((faction, i) => {
      if (!blocs.has(faction.bloc)) {
        ctx.addIssue({ code: 'custom', path: ['factions', i, 'bloc'], message: `unknown bloc "${faction.bloc}"` });
      }
    });
    reportDuplicates(
      ctx,
      'blocs',
      campaign.blocs.map((b) => b.id),
    );
    reportDuplicates(
      ctx,
      'factions',
      campaign.factions.map((f) => f.id),
    );
    reportDuplicates(
      ctx,
      'operations',
      campaign.operations.map((o) => o.id),
    );
    const factions = new Set(campaign.factions.map((f) => f.id));
    for (const faction of Object.keys(campaign.actorTypes ?? {}))
      if (!factions.has(faction))
        ctx.addIssue({ code: 'custom', path: ['actorTypes', faction], message: unknownName('faction', faction, factions) });
    campaign.adminAreas?.forEach((name, i) => {
      if (campaign.adminAreas?.indexOf(name) !== i)
        ctx.addIssue({ code: 'custom', path: ['adminAreas', i], message: `duplicate admin area "${name}"` });
    });
  });
export type CampaignRegistration = z.infer<typeof CampaignRegistration>;

/** The body of `PATCH /campaigns/:c` (admin): the window, claim window, area or admin areas, and why. */
export const CampaignAmendment = z
  .strictObject({
    window: amendableFields.window.optional(),
    claimWindow: amendableFields.claimWindow,
    area: amendableFields.area,
    adminAreas: amendableFields.adminAreas,
    country: amendableFields.country,
    actorTypes: amendableFields.actorTypes,
    reason: z.string().trim().min(1).max(2000),
  })
  .refine((c) => Object.keys(c).some((k) => k !== 'reason'), { message: 'change at least one field', path: [] });
export type CampaignAmendment = z.infer<typeof CampaignAmendment>;
export type CampaignChanges = Omit<CampaignAmendment, 'reason'>;
export const AMENDABLE_CAMPAIGN_FIELDS = Object.keys(amendableFields) as (keyof CampaignChanges)[];

function reportDuplicates(ctx: z.RefinementCtx, field: string, ids: string[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate id "${id}"` });
    seen.add(id);
  });
}
