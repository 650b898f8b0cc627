import { z } from 'zod';
import { PublishedAt } from '@timeline/domain';
import { KnownAtEcho, PublishedTime, reportedFields } from './common.schemas';

const Order = z.enum(['log', 'reported']);

export const AuditEntry = z.object({
  position: z.number().int(),
  recordedAt: z.string().nullable(),
  reportedAt: z.string().nullable().describe('when the event’s report was public; null: no dated source, or an editors’ act'),
  event: z.string(),
  claimId: z.string().nullable(),
  sources: z.array(
    z.object({
      sourceId: z.string(),
      publisher: z.string().nullable(),
      publishedAt: PublishedAt.nullable(),
      published: PublishedTime.nullable(),
    }),
  ),
  actor: z.string().nullable(),
  reason: z.string().nullable(),
  before: z.unknown().describe('the figure before the event (null where absent): a place’s state, a count, a range …'),
  after: z.unknown().describe('the figure after the event'),
  alsoReported: z
    .array(z.object({ position: z.number().int(), event: z.string(), claimId: z.string().nullable() }))
    .optional()
    .describe('in report order: the other versions reported at the same instant that moved the figure with this one'),
});

const auditFields = {
  campaignId: z.string(),
  knownAt: KnownAtEcho,
  order: Order,
  ...reportedFields,
  changes: z.array(AuditEntry),
};

export const ControlAudit = z.object({ ...auditFields, place: z.string(), at: z.string() });
export const CasualtyAudit = z.object({
  ...auditFields,
  side: z.string(),
  category: z.string(),
  day: z.string(),
  figure: z.enum(['preferred', 'range', 'daily']),
});
export const TerritoryAudit = z.object({ ...auditFields, faction: z.string(), day: z.string() });

export const SourceImpact = z.object({
  campaignId: z.string(),
  sourceId: z.string(),
  knownAt: KnownAtEcho,
  ...reportedFields,
  impacts: z.array(
    z.object({
      claimId: z.string(),
      figure: z
        .object({
          kind: z.enum(['control', 'casualties']),
          place: z.string().optional(),
          at: z.string().optional(),
          side: z.string().optional(),
          category: z.string().optional(),
          day: z.string().optional(),
          figure: z.enum(['preferred', 'range', 'daily']).optional(),
        })
        .describe('a place at an instant, or a casualty figure of a day'),
      changes: z.array(AuditEntry),
      reportedAt: z.string().nullable(),
    }),
  ),
});

export const Conflicts = z.object({
  campaignId: z.string(),
  day: z.string().nullable(),
  ...reportedFields,
  conflicts: z.array(
    z.object({
      place: z.string(),
      claims: z.array(
        z.object({
          claimId: z.string(),
          status: z.string(),
          controller: z.string().nullable(),
          from: z.string(),
          to: z.string(),
          publisher: z.string().nullable(),
        }),
      ),
    }),
  ),
});
