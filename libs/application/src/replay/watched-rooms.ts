import type { RoomAudience } from './replay-client';
import type { RoomRegistry } from './room-registry';

/** How often a room driven elsewhere is looked up: with a 5 s lease, its viewers hear of a lost driver within about 7 s. */
const WATCH_MS = 1_000;
/**
 * Looks in a row that find the room no longer held by the watched session before its viewers
 * are told. One could race a normal stop, whose "stopped" reaches them through the socket adapter
 * a moment after the room is freed.
 */
const LOOKS_GONE = 2;

interface Watched {
  room: string;
  sessionId: string;
  audience: RoomAudience;
  gone: number;
}

/**
 * Shared rooms that viewers on this instance watch while another instance drives them. Nothing
 * reaches this instance when that driver dies, so each room's lease is looked up on a timer; once
 * it is gone, or held by another session, the viewers here are told the host was lost and let go.
 */
export class WatchedRooms {
  private readonly watched = new Map<string, Watched>();
  private timer: NodeJS.Timeout | undefined;
  private looking = false;

  constructor(private readonly registry: RoomRegistry) {}

  watch(room: string, sessionId: string, audience: RoomAudience): void {
    if (this.watched.get(room)?.sessionId !== sessionId) this.watched.set(room, { room, sessionId, audience, gone: 0 });
    this.timer ??= setInterval(() => void this.lookAll(), WATCH_MS).unref();
  }

  close(): void {
    this.watched.clear();
    this.stopTimer();
  }

  private async lookAll(): Promise<void> {
    // a registry slow to answer (Redis away) is not asked again until it has
    if (this.looking) return;
    this.looking = true;
    try {
      for (const watched of [...this.watched.values()]) await this.look(watched);
    } finally {
      this.looking = false;
    }
  }

  private async look(watched: Watched): Promise<void> {
    // its viewers here left, or a normal stop let them go
    if (!watched.audience.viewersHere) return this.forget(watched);
    const holder = await this.registry.sessionIn(watched.room).then(
      (sessionId) => ({ sessionId }),
      () => undefined, // the registry cannot tell now: look again next time
    );
    if (!holder || this.watched.get(watched.room) !== watched) return;
    if (holder.sessionId === watched.sessionId) watched.gone = 0;
    else if (++watched.gone >= LOOKS_GONE) this.hostLost(watched);
  }

  private hostLost(watched: Watched): void {
    this.forget(watched);
    watched.audience.dismiss({ sessionId: watched.sessionId, reason: 'host-lost' }, 'here');
  }

  private forget(watched: Watched): void {
    this.watched.delete(watched.room);
    if (!this.watched.size) this.stopTimer();
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
