import type { z } from 'zod';
import { DomainError, parseWith } from '@timeline/domain';

/** A request body checked against its schema, or the error naming each field that is wrong. */
export function parsed<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = parseWith(schema, body);
  if (!result.ok) throw DomainError.invalid('the request body is not valid', result.errors);
  return result.value;
}
