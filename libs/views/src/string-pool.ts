import type { ClaimData } from '@timeline/domain';
import type { ClaimVersion, ValidInterval } from './claim-history';

/** Fields of a claim whose text is its own: pooling them would cost a lookup and save nothing. */
const OWN_TEXT: ReadonlySet<string> = new Set(['claimId', 'quote', 'note']);

/** Values with more items than this are seldom repeated: pooling them would cost more than it saves. */
const MAX_POOLED_ITEMS = 8;

/** What a snapshot's name of a pooled value begins with (`StringPool.withValuesNamed`). */
export const VALUE_NAME = '\u0000';

/** A level of the pooled values' trie: the next item → the level below; END → the value ending here. */
type Trie = Map<unknown, unknown>;
const END = Symbol('pooled value');

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
  /** The pooled values in the order they were first met; a snapshot names them by their place here. */
  private readonly values: object[] = [];
  private readonly numbers = new Map<object, number>();
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
   * actor, event type, reason, cited sources and valid interval, and its claim's unless `previous`
   * holds the same claim (a rank or a retraction keeps the claim of the version before it, pooled
   * already). `named`: the claim is a snapshot's, its pooled values named (`withValuesNamed`).
   */
  internVersion(version: ClaimVersion, previous: ClaimVersion | undefined, named = false): void {
    const claimsOwn = version.eventSources === version.claim.sources;
    if (version.claim !== previous?.claim) this.internClaim(version.claim, named);
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
  internClaim(claim: ClaimData, named = false): void {
    const fields = claim as unknown as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key];
      if (typeof value === 'string') {
        if (OWN_TEXT.has(key)) continue;
        fields[key] = named && value.charCodeAt(0) === 0 ? this.valueNamed(value) : this.intern(value);
      } else if (typeof value === 'object' && value !== null) fields[key] = this.internValue(value);
    }
  }

  /** How many values the pool holds: a snapshot writes the first so many. */
  get valueCount(): number {
    return this.values.length;
  }

  /** The pooled values from the `from`th, up to `to`. */
  valuesBetween(from: number, to: number): object[] {
    return this.values.slice(from, to);
  }

  /**
   * A claim's data as a snapshot writes it: each of its pooled values named by its place in the
   * pool (`VALUE_NAME` and the number), which a restore (`internClaim(claim, true)`) takes back.
   * Slugs and the vocabulary's words never begin with that character, and a claim's own text is
   * never named.
   */
  withValuesNamed(claim: ClaimData): ClaimData {
    const fields = claim as unknown as Record<string, unknown>;
    let named: Record<string, unknown> | undefined;
    for (const key in fields) {
      const value = fields[key];
      if (typeof value !== 'object' || value === null) continue;
      const name = this.nameOf(value);
      if (name !== undefined) (named ??= { ...fields })[key] = name;
    }
    return (named ?? fields) as unknown as ClaimData;
  }

  /** A pooled value's name in a snapshot; undefined for a value the pool does not hold. */
  private nameOf(value: object): string | undefined {
    const number = this.numbers.get(value);
    return number === undefined ? undefined : VALUE_NAME + String(number);
  }

  /** The pooled value a snapshot names; throws for a name the pool does not hold. */
  private valueNamed(name: string): object {
    const value = this.values[Number(name.slice(1))];
    if (value === undefined) throw new Error(`snapshot: no pooled value is named "${name.slice(1)}"`);
    return value;
  }

  /** Takes a snapshot's pooled values back, in their order, each after the values already held. */
  restoreValues(values: readonly object[]): void {
    for (const value of values) {
      const before = this.values.length;
      if (this.internValue(value) !== value || this.values.length !== before + 1)
        throw new Error('snapshot: a pooled value is written twice, or cannot be pooled');
    }
  }

  /**
   * One copy of each list of strings (sources, actors, denials) and each flat object (a valid time,
   * a written time, a count) the claims repeat: at a million claims most cite a source another
   * cites and share their valid time with others. A value holding anything else, or more than a
   * few items, is kept as it is, with its strings pooled.
   *
   * The values are found in a trie keyed by each item, or each field's name and then its value, so
   * finding one builds no key; a value found is not pooled string by string, only a new one is.
   */
  private internValue(value: object): object {
    if (Array.isArray(value)) {
      const items = value as unknown[];
      if (items.length > MAX_POOLED_ITEMS) return this.keepArray(items);
      let node = this.arrays;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (typeof item !== 'string') return this.keepArray(items);
        node = this.descend(node, item);
      }
      return (node.get(END) as unknown[] | undefined) ?? this.keepAt(node, this.keepArray(items));
    }
    const fields = value as Record<string, unknown>;
    let node = this.objects;
    let count = 0;
    for (const name in fields) {
      const field = fields[name];
      if (++count > MAX_POOLED_ITEMS) return this.keepObject(fields);
      if (typeof field !== 'string' && typeof field !== 'number' && typeof field !== 'boolean') return this.keepObject(fields);
      node = this.descend(this.descend(node, name), field);
    }
    return (node.get(END) as object | undefined) ?? this.keepAt(node, this.keepObject(fields));
  }

  /** The trie's level below `node` for an item; a new level is keyed by the item's pooled copy. */
  private descend(node: Trie, item: unknown): Trie {
    let next = node.get(item) as Trie | undefined;
    if (next === undefined) node.set(typeof item === 'string' ? this.intern(item) : item, (next = new Map()));
    return next;
  }

  private keepAt<T extends object>(node: Trie, value: T): T {
    node.set(END, value);
    this.numbers.set(value, this.values.push(value) - 1);
    return value;
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
