import type { FrameClaimChange, HourlyReplay } from '@timeline/replay';
import type { ReplayStart, ServerEvent } from '@timeline/contracts';
import { SessionMessage } from './session-message';

/** Where a session's messages go: one socket, or every viewer of a shared room. */
export interface Outbox {
  send(event: ServerEvent, payload: SessionMessage | Record<string, unknown>): void;
}

interface Sent {
  seq: number;
  event: ServerEvent;
  payload: SessionMessage;
}

const KEEP = 5000;

/**
 * One replay as it is being watched: which hour comes next, at what speed, and every message
 * numbered by `seq`. The last messages are kept, so a client that reconnects gets exactly what it
 * missed. Frames come from the plan; this only paces them.
 */
export class ReplaySession {
  seq = 0;
  next = 0;
  paused = false;
  ended = false;
  private credit = 0;
  private readonly sent: Sent[] = [];
  /** Claims changed after the session began whose hour has not been streamed yet: when it ends, and each change in log order. */
  readonly pending = new Map<string, { to: number; changes: FrameClaimChange[] }>();

  constructor(
    readonly id: string,
    readonly request: ReplayStart,
    readonly plan: HourlyReplay,
    public speed: number,
    public outbox: Outbox,
    /** The client that controls it: the one that started it, or resumed it after a reconnect. */
    public ownerId: string,
    readonly room?: string,
  ) {}

  /** Keeps a claim's change until its hour (as the claim now stands) has been streamed. */
  defer(claimId: string, to: number, change: FrameClaimChange): void {
    const changes = this.pending.get(claimId)?.changes ?? [];
    this.pending.set(claimId, { to, changes: [...changes, change] });
  }

  /** Instant up to which frames have been streamed. */
  get streamedUntil(): number {
    return this.plan.scope.from + this.next * 3_600_000;
  }

  /** Numbers and sends a message; `shared` when its body is the plan's own (a frame, a snapshot). */
  emit(event: ServerEvent, body: object, shared = false): void {
    this.seq += 1;
    const payload = new SessionMessage(this.id, this.seq, body, shared);
    this.sent.push({ seq: this.seq, event, payload });
    if (this.sent.length > KEEP) this.sent.splice(0, this.sent.length - KEEP);
    this.outbox.send(event, payload);
  }

  snapshot(): void {
    this.emit('replay:snapshot', this.plan.snapshot(this.next), true);
  }

  seek(index: number): void {
    this.next = Math.min(index, this.plan.hours);
    this.ended = false;
    this.credit = 0;
    this.snapshot();
  }

  /** Advances by `ms` of wall time at the session's speed; answers the frames it sent. */
  tick(ms: number, onFrame: (until: number) => void): number {
    if (this.paused || this.ended) return 0;
    this.credit += (ms * this.speed) / 1000;
    let sent = 0;
    while (this.credit >= 1 && this.next < this.plan.hours) {
      this.credit -= 1;
      this.advance(onFrame);
      sent += 1;
    }
    this.endIfDone();
    return sent;
  }

  /**
   * Shows the hour `hours` away at once, whatever the pace: forward, the next frames; backward, a
   * snapshot before the hour landed on and then its frame, so the viewer sees that hour's claims.
   */
  step(hours: number, onFrame: (until: number) => void): void {
    if (hours < 0) this.seek(Math.max(0, this.next + hours - 1));
    for (let i = 0; i < Math.max(1, hours) && this.next < this.plan.hours; i++) this.advance(onFrame);
    this.credit = 0;
    this.endIfDone();
  }

  private advance(onFrame: (until: number) => void): void {
    this.emit('replay:frame', this.plan.frame(this.next), true);
    this.next += 1;
    onFrame(this.streamedUntil);
  }

  private endIfDone(): void {
    if (this.next >= this.plan.hours && !this.ended) {
      this.ended = true;
      this.emit('replay:end', {});
    }
  }

  /** The messages after `seq`, if they are all still kept. */
  since(seq: number): Sent[] | undefined {
    if (seq >= this.seq) return [];
    const first = this.sent[0]?.seq ?? this.seq + 1;
    if (seq + 1 < first) return undefined;
    return this.sent.filter((m) => m.seq > seq);
  }
}
