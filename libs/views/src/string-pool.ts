import type { ClaimData } from '@timeline/domain';

/**
 * One copy of each repeated string the fold keeps. `JSON.parse` makes a new string for every value
 * longer than ten characters, so a million claims citing a few thousand sources, at a few hundred
 * distinct instants, would hold a million copies of each id and instant. Unique strings (a claim's
 * id, its quote) are not pooled: a lookup would cost time and save nothing.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  intern(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  /**
   * Replaces, in place, the claim's repeated strings by their pooled copies: the equal string, so
   * nothing reading the claim can tell, and the claim's data is the fold's own parse of the log.
   */
  internClaim(claim: ClaimData): void {
    const sources = claim.sources;
    sources.forEach((source, i) => (sources[i] = this.intern(source)));
    claim.time.from = this.intern(claim.time.from);
    claim.time.to = this.intern(claim.time.to);
    if (claim.type === 'control') claim.place = this.intern(claim.place);
  }
}
