import { z } from 'zod';
import { Slug } from '../common/slug';
import { isCalendarDate } from '../time/calendar';
import { isValidTimeZone } from '../time/zoned-time';

const CalendarDate = z.string().refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD');
const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour #rrggbb');

export const Bloc = z.strictObject({ id: Slug, name: z.string().min(1).max(200), color: Color });
export const Faction = z.strictObject({ id: Slug, name: z.string().min(1).max(200), bloc: Slug });
export const Operation = z.strictObject({ id: Slug, title: z.string().min(1).max(300) });

/** The body of `POST /campaigns`, and the data of `CampaignRegistered`. */
export const CampaignRegistration = z
  .strictObject({
    campaignId: Slug,
    title: z.string().min(1).max(300),
    timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Damascus'),
    window: z.strictObject({ from: CalendarDate, to: CalendarDate }),
    blocs: z.array(Bloc).min(1).max(100),
    factions: z.array(Faction).min(1).max(500),
    operations: z.array(Operation).max(200).default([]),
  })
  .superRefine((campaign, ctx) => {
    if (campaign.window.to < campaign.window.from) {
      ctx.addIssue({ code: 'custom', path: ['window', 'to'], message: 'must not be before window.from' });
    }
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
  });
export type CampaignRegistration = z.infer<typeof CampaignRegistration>;

function reportDuplicates(ctx: z.RefinementCtx, field: string, ids: string[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [field, i, 'id'], message: `duplicate id "${id}"` });
    seen.add(id);
  });
}
