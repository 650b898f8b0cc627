import { canonicalJson } from '@timeline/domain';
import type { FormField } from './claim-fields';

/** A claim's fields by name, as the service answers them or as the form reads them. */
export type ClaimValues = Record<string, unknown>;

/**
 * A value as the form compares it: a missing field is `null`, as are an empty list and a flag
 * not set (an unticked box says no more than a field left out).
 */
function normalised(value: unknown): unknown {
  if (value === undefined || value === false || (Array.isArray(value) && value.length === 0)) return null;
  return value;
}

/** A count written as a number n is the count `{best: n}`. */
function countOf(value: unknown): unknown {
  return typeof value === 'number' ? { best: value } : value;
}

/** Whether two values of a field say the same. */
export function sameValue(field: string, a: unknown, b: unknown): boolean {
  const [x, y] = field === 'count' ? [countOf(a), countOf(b)] : [a, b];
  return canonicalJson(normalised(x) ?? null) === canonicalJson(normalised(y) ?? null);
}

/**
 * The `changes` of a correction: each field of the form whose value differs from the claim as it
 * was shown, with `null` for a field emptied (how a correction removes one).
 */
export function changesOf(fields: readonly FormField[], shown: ClaimValues, edited: ClaimValues): ClaimValues {
  const changes: ClaimValues = {};
  for (const { name } of fields)
    if (!sameValue(name, shown[name], edited[name])) changes[name] = normalised(edited[name]) ?? null;
  return changes;
}

/** One field that moved while the editor was editing: theirs before → now, and the editor's. */
export interface FieldDiff {
  name: string;
  label: string;
  /** The value the form was opened on. */
  before: unknown;
  /** The value of the claim's newest revision. */
  now: unknown;
  /** The editor's value, when the editor changed it. */
  yours?: unknown;
  /** Both changed it, to different values: re-applying puts the editor's over theirs. */
  clash: boolean;
}

/**
 * What happened to the claim since the form was opened, field by field, beside what the editor
 * changed: the fields someone else corrected and the fields the editor did.
 */
export function revisionDiff(
  fields: readonly FormField[],
  shown: ClaimValues,
  now: ClaimValues,
  edited: ClaimValues,
): FieldDiff[] {
  return fields.flatMap(({ name, label }) => {
    const theirs = !sameValue(name, shown[name], now[name]);
    const mine = !sameValue(name, shown[name], edited[name]);
    if (!theirs && !mine) return [];
    const clash = theirs && mine && !sameValue(name, now[name], edited[name]);
    return [{ name, label, before: shown[name], now: now[name], ...(mine ? { yours: edited[name] } : {}), clash }];
  });
}

/**
 * The form's values to re-apply the editor's changes on the newest revision: the claim as it is
 * now, with the fields the editor changed set to the editor's values.
 */
export function reapplied(fields: readonly FormField[], shown: ClaimValues, now: ClaimValues, edited: ClaimValues): ClaimValues {
  const values: ClaimValues = { ...now };
  for (const { name } of fields) if (!sameValue(name, shown[name], edited[name])) values[name] = edited[name];
  return values;
}

/** A field's value in words, for the diff: a count as "12 (10–15)", an absent value as "none". */
export function valueInWords(value: unknown, name = (id: string) => id): string {
  if (value === undefined || value === null || (Array.isArray(value) && !value.length)) return 'none';
  if (Array.isArray(value)) return value.map((v) => name(String(v))).join(', ');
  if (typeof value === 'object') {
    const { best, low, high, openEnded } = value as { best: number; low?: number; high?: number; openEnded?: boolean };
    const range =
      low !== undefined && high !== undefined
        ? ` (${low}–${high})`
        : low !== undefined
          ? ` (at least ${low})`
          : high !== undefined
            ? ` (at most ${high})`
            : '';
    return `${best}${openEnded ? '+' : ''}${range}`;
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return name(typeof value === 'string' ? value : JSON.stringify(value));
}
