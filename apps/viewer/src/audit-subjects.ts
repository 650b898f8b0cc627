import { auditList, auditOrderChoice } from './audit-list';
import { campaignPath, getJson } from './api';
import { countInWords } from './casualty-count';
import type { ClaimRecords } from './claim-records';
import type { DetailContext, Subject } from './details';
import { reportedLater } from './later-reports';
import { stateInWords } from './place-story';
import type { Audit, AuditOrder, Count, Place } from './types';

interface ControlAfter {
  status: string;
  controller: string | null;
  bloc: string | null;
  disputed: boolean;
}

interface FigureAfter {
  count: Count;
  publisher: string | null;
  claimId: string | null;
}

/**
 * The audit of a place's state at the end of the hour on screen. As reported, it explains the
 * state the map shows, from what had been reported by then, and compares with the audit as known
 * now to say which reports came out later.
 */
export function placeAuditSubject(place: Place, claims: ClaimRecords, onOrder: (order: AuditOrder) => void): Subject {
  return {
    ofTheHour: true,
    // the comparison, without reportedBy, is a view of the past only as known at
    pastViews: (ctx) => (ctx.knownAt || ctx.reportedBy ? 1 : 0) + (ctx.knownAt && ctx.reportedBy ? 1 : 0),
    async draw(ctx, shown) {
      shown.heading(`Audit: ${place.name}`, `What changed its state at ${ctx.clock.instant(ctx.until)}${asOf(ctx)}`);
      shown.body.append(auditOrderChoice(ctx.order, onOrder));
      const path = `${campaignPath(ctx.campaignId)}/audit/control`;
      // an audit follows every claim about the place, whatever the operation chosen
      const query = { place: place.placeId, at: ctx.until, knownAt: ctx.knownAt };
      const { reportedBy } = ctx;
      const answers = await shown.load(() =>
        Promise.all([
          getJson<Audit<ControlAfter>>(path, { ...query, reportedBy, order: ctx.order }),
          reportedBy ? getJson<Audit<ControlAfter>>(path, { ...query, order: 'log' }) : undefined,
        ]),
      );
      if (!answers) return;
      const [audit, asKnownNow] = answers;
      const ranks = await shown.load(() => claims.ranks(ctx.campaignId, audit.changes));
      if (!ranks) return;
      const asReported =
        reportedBy && asKnownNow ? { reportedBy, later: reportedLater(asKnownNow.changes, reportedBy) } : undefined;
      shown.body.append(...auditList(audit, (s) => stateInWords(s, ctx.names), ctx, asReported, ranks));
    },
  };
}

/**
 * The audit of a preferred casualty figure of a day, as the chart shows it: as known now (or as
 * known at), whatever the hour on screen.
 */
export function figureAuditSubject(
  { side, category, day }: { side: string; category: string; day: string },
  claims: ClaimRecords,
  onOrder: (order: AuditOrder) => void,
): Subject {
  return {
    ofTheHour: false,
    pastViews: (ctx) => (ctx.knownAt ? 1 : 0),
    async draw(ctx, shown) {
      shown.heading(
        `Audit: ${ctx.names.faction(side)} ${category}, ${day}`,
        `Which source changed the preferred figure, and when${ctx.knownAt ? `, as known at ${ctx.knownAt}` : ', as known now'}`,
      );
      shown.body.append(auditOrderChoice(ctx.order, onOrder));
      const audit = await shown.load(() =>
        getJson<Audit<FigureAfter>>(`${campaignPath(ctx.campaignId)}/audit/casualties`, {
          side,
          category,
          day,
          figure: 'preferred',
          knownAt: ctx.knownAt,
          order: ctx.order,
        }),
      );
      if (!audit) return;
      const ranks = await shown.load(() => claims.ranks(ctx.campaignId, audit.changes));
      if (!ranks) return;
      const show = (f: FigureAfter) => `${countInWords(f.count)}${f.publisher ? ` (${ctx.publisher(f.publisher)})` : ''}`;
      shown.body.append(...auditList(audit, show, ctx, undefined, ranks));
    },
  };
}

/** ", as known at 120, from what had been reported by then": the state of knowledge an audit explains, when it is not now. */
function asOf(ctx: DetailContext): string {
  return `${ctx.knownAt ? `, as known at ${ctx.knownAt}` : ''}${ctx.reportedBy ? ', from what had been reported by then' : ''}`;
}
