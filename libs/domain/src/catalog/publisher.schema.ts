import { z } from 'zod';
import { Slug } from '../common/slug';
import { PUBLISHER_KINDS } from './source.schema';

/** The body of `POST /publishers`: a publisher a figure can be attributed to. */
export const PublisherRegistration = z.strictObject({
  publisher: Slug,
  name: z.string().min(1).max(200),
  kind: z.enum(PUBLISHER_KINDS),
});
export type PublisherRegistration = z.infer<typeof PublisherRegistration>;
