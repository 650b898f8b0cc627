import { canonicalJson } from '../common/canonical-json';
import { DomainError } from '../common/domain-error';

/**
 * Registering something with a stable id: new → record it; the same content again → nothing to
 * do (an idempotent retry); other content under that id → a conflict naming the id field.
 */
export function decideRegistration<T>(existing: T | undefined, next: T, idField: string, what: string): 'record' | 'unchanged' {
  if (existing === undefined) return 'record';
  if (canonicalJson(existing) === canonicalJson(next)) return 'unchanged';
  throw DomainError.conflict(`${what} already exists with different content`, [
    { path: idField, message: `is already registered with different content` },
  ]);
}
