import type { ReplayStart } from '@timeline/contracts';

/** Where a shared room stands, for viewers joining from any instance. */
export interface RoomState {
  sessionId: string;
  request: ReplayStart;
  pinnedPosition: number;
  next: number;
  seq: number;
}

/** Shared-room registry: in memory on one instance, in Redis across several. */
export interface RoomRegistry {
  get(room: string): Promise<RoomState | undefined>;
  set(room: string, state: RoomState): Promise<void>;
  delete(room: string): Promise<void>;
}

export class MemoryRoomRegistry implements RoomRegistry {
  private readonly rooms = new Map<string, RoomState>();

  get(room: string): Promise<RoomState | undefined> {
    return Promise.resolve(this.rooms.get(room));
  }

  set(room: string, state: RoomState): Promise<void> {
    this.rooms.set(room, state);
    return Promise.resolve();
  }

  delete(room: string): Promise<void> {
    this.rooms.delete(room);
    return Promise.resolve();
  }
}
