import { z } from 'zod';

/** Ids of campaigns, places, sources, factions and claims: lower case, digits and `-`. */
export const Slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lower-case letters, digits and single dashes');
