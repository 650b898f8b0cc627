import type { ClaimData } from '@timeline/domain';
import type { ClaimVersion, ValidInterval } from './claim-history';

/** Fields of a claim whose text is its own: pooling them would cost a lookup and save nothing. */
const OWN_TEXT: ReadonlySet<string> = new Set(['claimId', 'quote', 'note']);

/** Values with more items than this are seldom repeated: pooling them would cost more than it saves. */
const MAX_POOLED_ITEMS = 8;

/** A level of the pooled values' trie: the next item → the level below; END → the value ending here. */
type Trie = Map<unknown, unknown>;
const END = Symbol('pooled value');

function descend(node: Trie, key: unknown): Trie {
  let next = node.get(key) as Trie | undefined;
  if (next === undefined) node.set(key, (next = new Map()));
  return next;
}

function pooledAt<T>(node: Trie, value: T): T {
  const known = node.get(END) as T | undefined;
  if (known !== undefined) return known;
  node.set(END, value);
  return value;
}

/**
 * One copy of each repeated string the fold keeps. `JSON.parse` makes a new string for every value
 * longer than ten characters (shorter ones it shares already), so a million claims would hold a
 * million copies of "ControlClaimed", of each source's id, of each instant and precision. A
 * claim's own text (its id, its quote, its note) is not pooled.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();
  private readonly arrays: Trie = new Map();
  private readonly objects: Trie = new Map();
  /** The valid interval of each pooled valid time. */
  private readonly intervals = new Map<object, ValidInterval>();

  intern(value: string): string {
    if (value.length <= 10) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  /**
   * Replaces, in place, a claim version's repeated strings and values by their pooled copies: its
   * actor, event type, reason, cited sources and valid interval, and its claim's unless `previous` holds the same claim (a rank
   * or a retraction keeps the claim of the version before it, pooled already).
   */
  internVersion(version: ClaimVersion, previous: ClaimVersion | undefined): void {
    const claimsOwn = version.eventSources === version.claim.sources;
    if (version.claim !== previous?.claim) this.internClaim(version.claim);
    version.eventSources = claimsOwn ? version.claim.sources : (this.internValue(version.eventSources) as string[]);
    version.valid = this.intervalOf(version.claim.time, version.valid);
    version.actor = this.intern(version.actor);
    version.event = this.intern(version.event) as ClaimVersion['event'];
    if (version.reason !== null) version.reason = this.intern(version.reason);
  }

  /** The interval pooled for a (pooled) valid time; `interval` is its own, pooled when it is the first. */
  private intervalOf(time: object, interval: ValidInterval): ValidInterval {
    const known = this.intervals.get(time);
    if (known !== undefined) return known;
    this.intervals.set(time, interval);
    return interval;
  }

  /**
   * Replaces, in place, the claim's repeated strings and small values by their pooled copies: the
   * equal string, array or object, so nothing reading the claim can tell (the log's data is never
   * changed once parsed), and the claim's data is the fold's own parse of the log.
   */
  internClaim(claim: ClaimData): void {
    const fields = claim as unknown as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key];
      if (typeof value === 'string') {
        if (!OWN_TEXT.has(key)) fields[key] = this.intern(value);
      } else if (typeof value === 'object' && value !== null) fields[key] = this.internValue(value);
    }
  }

  /**
   * One copy of each list of strings (sources, actors, denials) and each flat object (a valid time,
   * a written time, a count) the claims repeat: at a million claims most cite a source another
   * cites and share their valid time with others. A value holding anything else, or more than a
   * few items, is kept as it is, with its strings pooled.
   *
   * The values are found in a trie keyed by each item, or each field's name and then its value:
   * the items are pooled strings (whose hashes the engine keeps), so finding a value builds no key.
   */
  private internValue(value: object): object {
    if (Array.isArray(value)) {
      const items = value as unknown[];
      if (items.length > MAX_POOLED_ITEMS) return this.keepArray(items);
      let node = this.arrays;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (typeof item !== 'string') return this.keepArray(items);
        node = descend(node, (items[i] = this.intern(item)));
      }
      return pooledAt(node, items);
    }
    const fields = value as Record<string, unknown>;
    let node = this.objects;
    let count = 0;
    for (const name in fields) {
      const field = fields[name];
      if (++count > MAX_POOLED_ITEMS) return this.keepObject(fields);
      if (typeof field === 'string') node = descend(descend(node, name), (fields[name] = this.intern(field)));
      else if (typeof field === 'number' || typeof field === 'boolean') node = descend(descend(node, name), field);
      else return this.keepObject(fields);
    }
    return pooledAt(node, value);
  }

  private keepArray(values: unknown[]): unknown[] {
    values.forEach((value, i) => {
      if (typeof value === 'string') values[i] = this.intern(value);
    });
    return values;
  }

  private keepObject(fields: Record<string, unknown>): object {
    for (const key in fields) {
      const value = fields[key];
      if (typeof value === 'string') fields[key] = this.intern(value);
    }
    return fields;
  }
}
