import type { ReplayEnded } from '@timeline/contracts';
import type { Outbox } from './replay-session';

/** A shared room's viewers as this instance reaches them; `send` reaches every one, on every instance. */
export interface RoomAudience extends Outbox {
  /** How many of the room's viewers are connected to this instance. */
  readonly viewersHere: number;
  /** Tells the viewers their replay is over and takes them out of the room: everywhere, or only here. */
  dismiss(ended: ReplayEnded, where: 'everywhere' | 'here'): void;
}

/** A connected viewer as the replay use case sees it, whatever carries its messages. */
export interface ReplayClient {
  readonly id: string;
  /** Messages to this client alone. */
  readonly direct: Outbox;
  /** Adds the client to a shared room's audience; answers that audience. */
  joinRoom(room: string): Promise<RoomAudience>;
}
