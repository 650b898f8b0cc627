import type { ClaimData } from '@timeline/domain';
import type { ClaimVersion } from './claim-history';

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
   * Replaces, in place, a claim version's repeated strings by their pooled copies: its actor, event
   * type, reason and cited sources, and its claim's unless `previous` holds the same claim (a rank
   * or a retraction keeps the claim of the version before it, pooled already).
   */
  internVersion(version: ClaimVersion, previous: ClaimVersion | undefined): void {
    if (version.claim !== previous?.claim) this.internClaim(version.claim);
    if (version.eventSources !== version.claim.sources) this.internAll(version.eventSources);
    version.actor = this.intern(version.actor);
    version.event = this.intern(version.event) as ClaimVersion['event'];
    if (version.reason !== null) version.reason = this.intern(version.reason);
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
