import type { z } from 'zod';
import { DomainError, parseWith } from '@timeline/domain';

/** Query parameters checked by a schema; a bad one is a 422 naming the parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const result = parseWith(schema, query);
  if (!result.ok) throw DomainError.invalid('a query parameter is not valid', result.errors);
  return result.value;
}
