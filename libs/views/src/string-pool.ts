import type { ClaimData } from '@timeline/domain';

/** Fields of a claim whose text is its own: pooling them would cost a lookup and save nothing. */
const OWN_TEXT: ReadonlySet<string> = new Set(['claimId', 'quote', 'note']);

/**
 * One copy of each repeated string the fold keeps. `JSON.parse` makes a new string for every value
 * longer than ten characters (shorter ones it shares already), so a million claims would hold a
 * million copies of "ControlClaimed", of each source's id, of each instant and precision. A
 * claim's own text (its id, its quote, its note) is not pooled.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  intern(value: string): string {
    if (value.length <= 10) return value;
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
    const fields = claim as unknown as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key];
      if (typeof value === 'string') {
        if (!OWN_TEXT.has(key)) fields[key] = this.intern(value);
      } else if (Array.isArray(value)) this.internAll(value);
      else if (typeof value === 'object' && value !== null) this.internFields(value as Record<string, unknown>);
    }
  }

  private internAll(values: unknown[]): void {
    values.forEach((value, i) => {
      if (typeof value === 'string') values[i] = this.intern(value);
    });
  }

  private internFields(fields: Record<string, unknown>): void {
    for (const key in fields) {
      const value = fields[key];
      if (typeof value === 'string') fields[key] = this.intern(value);
    }
  }
}
