import { canonicalJson } from './canonical-json';

/**
 * What a correction must change for `current` to read as `revised`: each field whose value
 * differs, with `null` for a field `revised` leaves out (how a correction removes one). A field
 * absent on one side and `null` on the other is the same. `ignore` names fields never compared
 * (ids, revisions). Empty when the two agree.
 */
export function changedFields(current: object, revised: object, ignore: readonly string[] = []): Record<string, unknown> {
  const before = current as Record<string, unknown>;
  const after = revised as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (ignore.includes(key)) continue;
    const value = after[key] ?? null;
    if (canonicalJson(before[key] ?? null) !== canonicalJson(value)) changes[key] = value;
  }
  return changes;
}
