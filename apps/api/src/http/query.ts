import type { z } from 'zod';
import { DomainError } from '../../../../libs/domain/src/common/domain-error';
import { parseWith } from '../../../../libs/domain/src/common/zod-errors';

/** Query parameters checked by a schema; a bad one is a 422 naming the parameter. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const result = parseWith(schema, query);
  if (!result.ok) throw DomainError.invalid('a query parameter is not valid', result.errors);
  return result.value;
}
