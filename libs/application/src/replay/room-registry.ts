import type { ReplayStart } from '@timeline/contracts';

/** Where a shared room stands, for viewers joining from any instance. */
export interface RoomState {
  sessionId: string;
  request: ReplayStart;
  pinnedPosition: number;
  next: number;
  seq: number;
}

/**
 * How long a room stays held without a renewal. Its driver renews it every second (`HeldRooms`),
 * so only an instance that died, or lost the registry, lets a lease run out; the room is then
 * free again within this time.
 */
export const ROOM_LEASE_MS = 5_000;

/**
 * Shared-room registry: in memory on one instance, in Redis across several. A room is a lease
 * held by the instance driving its replay, for one session.
 */
export interface RoomRegistry {
  get(room: string): Promise<RoomState | undefined>;
  /** Takes a free room for a session of this instance; false when the room is held. */
  claim(room: string, state: RoomState): Promise<boolean>;
  /**
   * Records progress and extends this instance's lease on the room, taking it again if it ran
   * out; false when another session holds it now. Answers true when it cannot tell (the registry
   * is away): the lease is then left to run.
   */
  renew(room: string, state: RoomState): Promise<boolean>;
  /** Frees the room, if this instance still holds it for that session. */
  release(room: string, sessionId: string): Promise<void>;
  /**
   * The session holding the room, or undefined when it is free. Rejects when it cannot tell for
   * sure — a registry that is away, or back so recently that a live driver may not have renewed.
   */
  sessionIn(room: string): Promise<string | undefined>;
}

/** One instance: every room is driven here, so holding a room is having it in the map. */
export class MemoryRoomRegistry implements RoomRegistry {
  private readonly rooms = new Map<string, RoomState>();

  get(room: string): Promise<RoomState | undefined> {
    return Promise.resolve(this.rooms.get(room));
  }

  claim(room: string, state: RoomState): Promise<boolean> {
    if (this.rooms.has(room)) return Promise.resolve(false);
    this.rooms.set(room, state);
    return Promise.resolve(true);
  }

  renew(room: string, state: RoomState): Promise<boolean> {
    const held = this.rooms.get(room);
    if (held && held.sessionId !== state.sessionId) return Promise.resolve(false);
    this.rooms.set(room, state);
    return Promise.resolve(true);
  }

  release(room: string, sessionId: string): Promise<void> {
    if (this.rooms.get(room)?.sessionId === sessionId) this.rooms.delete(room);
    return Promise.resolve();
  }

  sessionIn(room: string): Promise<string | undefined> {
    return Promise.resolve(this.rooms.get(room)?.sessionId);
  }
}
