/**
 * One numbered message of a replay session as a client receives it: `{sessionId, seq, ...body}`.
 * The body is kept apart rather than copied in. A frame's body is the pinned plan's own, the same
 * object for every session playing that plan (`shared`), so what carries the message may
 * serialise that body once for all of them (500 private replays of one link: one `JSON.stringify`
 * a frame, not 500).
 */
export class SessionMessage {
  constructor(
    readonly sessionId: string,
    readonly seq: number,
    readonly body: object,
    /** The body belongs to the plan and never changes: one serialised form serves every session. */
    readonly shared: boolean,
  ) {}

  /** The message as sent, for whatever serialises it with `JSON.stringify`. */
  toJSON(): Record<string, unknown> {
    return { sessionId: this.sessionId, seq: this.seq, ...this.body };
  }
}
