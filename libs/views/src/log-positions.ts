import { NOW, type KnownAt } from './known-at';
import { lastAtOrBefore } from './sorted-search';

/**
 * The position and recording time of every event folded, to turn a `knownAt` instant into a
 * position and a position into when it was recorded.
 */
export class LogPositions {
  readonly positions: number[] = [];
  readonly recordedAts: number[] = [];

  /** Files an event's position; answers its recording time, which never goes back. */
  add(position: number, recordedAt: string): number {
    // recording times never go back, so a knownAt instant finds its position by binary search
    const at = Math.max(Date.parse(recordedAt) || 0, this.recordedAts[this.recordedAts.length - 1] ?? 0);
    this.positions.push(position);
    this.recordedAts.push(at);
    return at;
  }

  /** Positions and recording times as a snapshot kept them. */
  restore(positions: readonly number[], recordedAts: readonly number[]): void {
    for (const position of positions) this.positions.push(position);
    for (const recordedAt of recordedAts) this.recordedAts.push(recordedAt);
  }

  /** A `knownAt` given as a log position or an ISO instant, as a position; absent → now. */
  knownAtPosition(knownAt: number | string | undefined): KnownAt {
    if (knownAt === undefined) return NOW;
    if (typeof knownAt === 'number') return knownAt;
    const found = lastAtOrBefore(this.recordedAts.length, (i) => this.recordedAts[i], Date.parse(knownAt));
    // before the first event (found = -1): nothing was known yet
    return this.positions[found] ?? 0;
  }

  /** When the event at a position was recorded (epoch ms); throws for a position the views have not folded. */
  instantOf(position: number): number {
    const recordedAt = this.recordedAtAt(position);
    if (recordedAt === undefined) throw new Error(`no event at position ${position} has been folded`);
    return recordedAt;
  }

  /** When the event at a position was recorded, or null when no event is there. */
  recordedAtOf(position: number): string | null {
    const recordedAt = this.recordedAtAt(position);
    return recordedAt === undefined ? null : new Date(recordedAt).toISOString();
  }

  private recordedAtAt(position: number): number | undefined {
    return this.recordedAts[this.indexOfPosition(position)];
  }

  private indexOfPosition(position: number): number {
    const found = lastAtOrBefore(this.positions.length, (i) => this.positions[i], position);
    return this.positions[found] === position ? found : -1;
  }
}
