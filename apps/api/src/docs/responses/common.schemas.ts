import { z } from 'zod';
import { PRECISIONS, PublishedAt } from '@timeline/domain';

/** Every 4xx/5xx body: `application/problem+json` (RFC 9457) with the fields that were wrong. */
export const Problem = z
  .object({
    type: z.string().describe('https://httpstatuses.io/<status>'),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().describe('what went wrong, in words; never a stack trace'),
    errors: z
      .array(z.object({ path: z.string().describe('the bad field, e.g. count.best or time.part'), message: z.string() }))
      .optional(),
  })
  .describe('A problem (RFC 9457): why the request was refused or failed');

/** A casualty count as the views resolve it: every bound given, `high` null when open-ended or unknown. */
export const Count = z.object({
  best: z.number(),
  low: z.number(),
  high: z.number().nullable(),
  openEnded: z.boolean().describe('true for "283+": at least best, no upper bound'),
});

/** A claim's valid time as a UTC interval [from, to). */
export const ValidTime = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  precision: z.enum(PRECISIONS),
});

/** A publication as an interval in UTC; `from` is null when only "published by" is known. */
export const PublishedTime = z.object({
  from: z.iso.datetime().nullable(),
  to: z.iso.datetime(),
  precision: z.enum(PRECISIONS),
});

/** A source as a reader needs it beside a claim. */
export const SourceRef = z.object({
  sourceId: z.string(),
  publisher: z.string().nullable(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: PublishedAt.nullable().describe('as registered: a date, an instant, or a written time'),
  published: PublishedTime.nullable(),
});

/** The `knownAt` of an answer: as asked (a log position or an instant), null for what is known now. */
export const KnownAtEcho = z
  .union([z.number().int(), z.string()])
  .nullable()
  .describe('the knownAt asked for (a log position or an ISO instant); null: what is known now');

/** What an answer asked `reportedBy` adds. */
export const reportedFields = {
  reportedBy: z.string().optional().describe('the reportedBy asked for'),
  unreported: z
    .number()
    .int()
    .optional()
    .describe('with reportedBy: the claim versions set aside because none of their sources is dated'),
};

/** What a write answers: the id it stored under, the stream's revision and the event's log position. */
export function writeAnswer(idField: string) {
  return z.object({ [idField]: z.string(), revision: z.number().int(), position: z.number().int() });
}
