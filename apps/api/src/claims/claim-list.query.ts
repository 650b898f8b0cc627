import { z } from 'zod';
import { CLAIM_TYPES, isCalendarDate, Slug } from '@timeline/domain';

export const ClaimListQuery = z.strictObject({
  type: z.enum(CLAIM_TYPES).optional(),
  place: Slug.optional(),
  source: Slug.optional(),
  publisher: Slug.optional(),
  operation: Slug.optional(),
  day: z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD').optional(),
  retracted: z.enum(['include', 'exclude']).default('exclude'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  after: z.coerce.number().int().min(0).default(0),
});
