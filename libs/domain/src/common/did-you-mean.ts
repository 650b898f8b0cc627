/**
 * Edit distance with adjacent transpositions (optimal string alignment): "hmos" is one edit from
 * "homs", as a typist would count it.
 */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (rows[0] as number[])[j] = j;
  const at = (i: number, j: number) => (rows[i] as number[])[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * Up to `max` known names nearest to `given` (ignoring case), nearest first, then in the order
 * known: only those close enough to be a slip (a quarter of the name, at least two edits).
 */
export function nearestNames(given: string, known: Iterable<string>, max = 3): string[] {
  const wanted = given.toLowerCase();
  const limit = Math.max(2, Math.floor(wanted.length / 4));
  return [...new Set(known)]
    .map((name, order) => ({ name, order, distance: editDistance(wanted, name.toLowerCase()) }))
    .filter((c) => c.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .slice(0, max)
    .map((c) => c.name);
}

/** `unknown place "hmos"; did you mean "homs"?`, or without the question when nothing is near. */
export function unknownName(what: string, given: string, known: Iterable<string>): string {
  const near = nearestNames(given, known);
  return `unknown ${what} "${given}"${near.length ? `; did you mean ${quotedChoice(near)}?` : ''}`;
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function quotedChoice(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : (quoted[0] ?? '');
}
