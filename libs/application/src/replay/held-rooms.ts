import type { RoomAudience } from './replay-client';
import type { ReplaySession } from './replay-session';
import { ROOM_LEASE_MS, type RoomRegistry, type RoomState } from './room-registry';

/** A fifth of the lease: a driver misses four renewals in a row (a stalled loop, a slow Redis) before its room runs out. */
const RENEW_MS = ROOM_LEASE_MS / 5;

interface Held {
  room: string;
  session: ReplaySession;
  audience: RoomAudience;
}

/**
 * The shared rooms driven from this instance. Each is a lease in the registry, renewed on a timer
 * while its replay lives, playing or paused: a paused replay sends no frames, so frames alone
 * cannot keep it.
 */
export class HeldRooms {
  private readonly held = new Map<string, Held>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly registry: RoomRegistry,
    /** A room taken by another session while this one could not renew it: its replay stops here. */
    private readonly onLost: (session: ReplaySession) => void,
  ) {}

  claim(room: string, state: RoomState): Promise<boolean> {
    return this.registry.claim(room, state);
  }

  hold(room: string, session: ReplaySession, audience: RoomAudience): void {
    this.held.set(room, { room, session, audience });
    this.timer ??= setInterval(() => this.renewAll(), RENEW_MS).unref();
  }

  /** Frames write the hour reached, so a viewer joining on another instance starts from it. */
  progressed(session: ReplaySession): void {
    const held = this.heldFor(session);
    if (held) void this.renew(held);
  }

  /** The replay stopped: its viewers everywhere are told and let go, and the room is free. */
  release(session: ReplaySession): void {
    const held = this.heldFor(session);
    if (!held) return;
    this.forget(held);
    held.audience.dismiss({ sessionId: session.id, reason: 'stopped' }, 'everywhere');
    void this.registry.release(held.room, session.id);
  }

  /** Shutting down: the rooms are freed now, so viewers elsewhere need not wait for the leases to run out. */
  close(): void {
    for (const { room, session } of this.held.values()) void this.registry.release(room, session.id);
    this.held.clear();
    this.stopTimer();
  }

  private renewAll(): void {
    for (const held of this.held.values()) void this.renew(held);
  }

  private async renew(held: Held): Promise<void> {
    const kept = await this.registry.renew(held.room, roomState(held.session));
    if (kept || this.held.get(held.room) !== held) return;
    // the lease ran out (this instance was cut off from the registry) and another session took the room
    this.forget(held);
    held.audience.dismiss({ sessionId: held.session.id, reason: 'host-lost' }, 'here');
    this.onLost(held.session);
  }

  private heldFor(session: ReplaySession): Held | undefined {
    const held = session.room === undefined ? undefined : this.held.get(session.room);
    return held?.session === session ? held : undefined;
  }

  private forget(held: Held): void {
    this.held.delete(held.room);
    if (!this.held.size) this.stopTimer();
  }

  private stopTimer(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

export function roomState(session: ReplaySession): RoomState {
  return {
    sessionId: session.id,
    request: session.request,
    pinnedPosition: session.plan.pinnedPosition,
    next: session.next,
    seq: session.seq,
  };
}
