import { z } from 'zod';
import type { Timeline } from '@timeline/application';
import { DomainError, Slug, isCalendarDate, parseInstant } from '@timeline/domain';
import type { CampaignLedger, KnownAt, TimelineViews } from '@timeline/views';

export const Day = z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD');
export const Instant = z
  .string()
  .refine((v) => parseInstant(v) !== undefined, 'must be an ISO instant with an offset, e.g. 2024-12-07T18:00:00+03:00');
/** `knownAt`: a log position (digits) or an ISO instant: what was known then. */
export const KnownAtParam = z.union([z.string().regex(/^\d+$/).transform(Number), Instant]).optional();

export const ViewParams = {
  knownAt: KnownAtParam,
  operation: Slug.optional(),
};

export interface ViewContext {
  views: TimelineViews;
  ledger: CampaignLedger;
  knownAt: KnownAt;
  /** `knownAt` as asked, echoed in answers: null for "now". */
  knownAtEcho: number | string | null;
}

/** The serving views, caught up with the log, for one campaign at a knownAt. */
export async function viewContext(
  timeline: Timeline,
  campaignId: string,
  knownAt: number | string | undefined,
): Promise<ViewContext> {
  await timeline.models.follower.catchUp();
  const views = timeline.projections.views;
  const ledger = views.ledger(campaignId);
  if (!ledger) throw DomainError.notFound(`campaign "${campaignId}" does not exist`);
  return { views, ledger, knownAt: views.knownAtPosition(knownAt), knownAtEcho: knownAt ?? null };
}
