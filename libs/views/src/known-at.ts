/** A known-at bound: the events recorded up to a log position. */
export type KnownAt = number;
export const NOW: KnownAt = Number.MAX_SAFE_INTEGER;

/** The last of versions in log order recorded by knownAt. */
export function latestBefore<T extends { position: number }>(
  versions: readonly T[] | undefined,
  knownAt: KnownAt,
): T | undefined {
  let found: T | undefined;
  for (const version of versions ?? []) {
    if (version.position > knownAt) break;
    found = version;
  }
  return found;
}
