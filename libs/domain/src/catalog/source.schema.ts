import { z } from 'zod';
import { Slug } from '../common/slug';
import { GRADES, PUBLISHER_KINDS } from '../vocabulary';
import { PublishedAt } from '../time/published-time';

export { GRADES, PUBLISHER_KINDS };
export type Grade = (typeof GRADES)[number];

const Url = z
  .string()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL');

const sourceFields = {
  publisher: Slug,
  publisherName: z.string().min(1).max(200),
  publisherKind: z.enum(PUBLISHER_KINDS),
  title: z.string().min(1).max(1000),
  url: Url.nullable().default(null),
  publishedAt: PublishedAt.nullable().default(null),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or ar')
    .default('en'),
  citedIn: z.strictObject({ article: z.string().min(1).max(300), ref: z.string().min(1).max(200) }).optional(),
  /** Where a field came from, e.g. which of a citation's dates gave `publishedAt`. */
  note: z.string().min(1).max(2000).optional(),
};

export type PublisherKind = (typeof PUBLISHER_KINDS)[number];

/**
 * The body of `POST /campaigns/:c/sources`. For a publisher already known (registered, or named
 * by an earlier source) `publisherName` and `publisherKind` may be left out: they are taken from it.
 */
export const SourceRegistration = z.strictObject({
  sourceId: Slug,
  ...sourceFields,
  publisherName: sourceFields.publisherName.optional().describe("the publisher's name; the known publisher's when omitted"),
  publisherKind: sourceFields.publisherKind.optional().describe("the publisher's kind; the known publisher's when omitted"),
});
export type SourceRegistrationInput = z.infer<typeof SourceRegistration>;
/** The data of `SourceRegistered`: the body with the publisher's name and kind filled in. */
export type SourceRegistration = SourceRegistrationInput & { publisherName: string; publisherKind: PublisherKind };

/** The body of `PATCH /campaigns/:c/sources/:s`. */
export const SourceCorrection = z
  .strictObject({
    publisher: Slug.optional(),
    publisherName: sourceFields.publisherName.optional(),
    publisherKind: sourceFields.publisherKind.optional(),
    title: sourceFields.title.optional(),
    url: Url.nullable().optional(),
    publishedAt: PublishedAt.nullable().optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
      .optional(),
    note: sourceFields.note.unwrap().nullable().optional(),
    reason: z.string().min(1).max(2000),
  })
  .refine((c) => Object.keys(c).some((k) => k !== 'reason'), { message: 'change at least one field', path: [] });
export type SourceCorrection = z.infer<typeof SourceCorrection>;

/** The body of `POST /publishers/:publisher/assessments`. */
export const PublisherAssessment = z.strictObject({
  reliability: z.enum(GRADES),
  reason: z.string().min(1).max(2000),
});
export type PublisherAssessment = z.infer<typeof PublisherAssessment>;
