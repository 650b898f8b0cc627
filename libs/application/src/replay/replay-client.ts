import type { Outbox } from './replay-session';

/** A connected viewer as the replay use case sees it, whatever carries its messages. */
export interface ReplayClient {
  readonly id: string;
  /** Messages to this client alone. */
  readonly direct: Outbox;
  /** Adds the client to a shared room's audience; answers the outbox that reaches all of it. */
  joinRoom(room: string): Promise<Outbox>;
}
