import type { z } from 'zod';
import type { FieldError } from './domain-error';

/** Zod issues as `{path, message}`, paths written `claims.3.count.best`. */
export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    // an unrecognised-keys issue names several fields: one error for each
    const keys = 'keys' in issue && Array.isArray(issue.keys) && issue.keys.length ? issue.keys : undefined;
    if (keys) return keys.map((k) => ({ path: path ? `${path}.${k}` : k, message: 'is not a known field' }));
    return [{ path, message: readable(issue) }];
  });
}

/**
 * The validator's own words where a reader would not use them: a field left out or left empty is
 * required. A schema's own message is kept as it is written.
 */
function readable(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /^Invalid input: .*received undefined$/.test(issue.message))
    return `is required (${issue.expected})`;
  if (
    issue.code === 'too_small' &&
    issue.message.startsWith('Too small') &&
    issue.origin === 'string' &&
    Number(issue.minimum) === 1
  )
    return 'is required: it must not be empty';
  return issue.message;
}

/** Parses or throws nothing: the data, or the field errors under `prefix`. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix = '',
): { ok: true; value: z.output<S> } | { ok: false; errors: FieldError[] } {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: fieldErrors(result.error, prefix) };
}
