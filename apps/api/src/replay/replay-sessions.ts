import { randomBytes } from 'node:crypto';
import type { Timeline } from '@timeline/application';
import { DomainError, isCalendarDate, dayBounds } from '@timeline/domain';
import { correctionFor, floorToLocalHour, ReplayPlan } from '@timeline/replay';
import type { StoredEvent } from '@timeline/store';
import type { ReplayStart } from '@timeline/contracts';
import { ReplaySession, type Outbox } from './replay-session';

const TICK_MS = 10;
export const REPLAY_SESSIONS = Symbol('ReplaySessions');
export const MAX_SESSIONS_PER_CONNECTION = 5;

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
  async get(room: string) {
    return this.rooms.get(room);
  }
  async set(room: string, state: RoomState) {
    this.rooms.set(room, state);
  }
  async delete(room: string) {
    this.rooms.delete(room);
  }
}

/**
 * The replays running on this instance: paced by one timer, fed corrections and live claims as
 * the log grows. Plans are shared between sessions that ask for the same thing at the same
 * pinned position, so a thousand viewers of one link cost one plan.
 */
export class ReplaySessions {
  private readonly sessions = new Map<string, ReplaySession>();
  private readonly plans = new Map<string, ReplayPlan>();
  private timer: NodeJS.Timeout | undefined;
  private last = Date.now();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly timeline: Timeline,
    readonly rooms: RoomRegistry,
  ) {
    this.unsubscribe = timeline.models.follower.onApplied((events) => this.onRecorded(events));
  }

  get size(): number {
    return this.sessions.size;
  }

  get(sessionId: string): ReplaySession | undefined {
    return this.sessions.get(sessionId);
  }

  timeZoneOf(campaignId: string): string {
    return this.timeline.projections.views.ledger(campaignId)?.campaign.timeZone ?? 'UTC';
  }

  ownedBy(socketId: string): ReplaySession[] {
    return [...this.sessions.values()].filter((s) => s.ownerSocketId === socketId);
  }

  /** A plan for the request, pinned at `pinnedPosition` (default: the log now). */
  async plan(request: ReplayStart, pinnedPosition?: number): Promise<ReplayPlan> {
    await this.timeline.models.follower.catchUp();
    const views = this.timeline.projections.views;
    const ledger = views.ledger(request.campaignId);
    if (!ledger) throw DomainError.notFound(`campaign "${request.campaignId}" does not exist`);
    const zone = ledger.campaign.timeZone;
    const instant = (bound: string, end: boolean) =>
      isCalendarDate(bound) ? dayBounds(bound, zone)[end ? 'end' : 'start'] : Date.parse(bound);
    const from = floorToLocalHour(instant(request.from ?? ledger.campaign.window.from, false), zone);
    const to = instant(request.to ?? ledger.campaign.window.to, true);
    if (to <= from) throw DomainError.invalid('the replay window is empty', [{ path: 'to', message: 'must be after from' }]);
    if ((to - from) / 3_600_000 > 24 * 366)
      throw DomainError.invalid('the replay window is too long', [{ path: 'to', message: 'at most a year of hours' }]);
    const pinned = pinnedPosition ?? (request.knownAt !== undefined ? views.knownAtPosition(request.knownAt) : views.position);
    const key = JSON.stringify([request.campaignId, from, to, request.operation, request.places, pinned]);
    let plan = this.plans.get(key);
    if (!plan || plan.pinnedPosition !== pinned) {
      plan = new ReplayPlan(
        views,
        ledger,
        { campaignId: request.campaignId, from, to, operation: request.operation, places: request.places },
        pinned,
      );
      if (this.plans.size > 50) this.plans.delete(this.plans.keys().next().value!);
      this.plans.set(key, plan);
    }
    return plan;
  }

  start(
    request: ReplayStart,
    plan: ReplayPlan,
    outbox: Outbox,
    ownerSocketId: string,
    sessionId = newSessionId(),
  ): ReplaySession {
    const session = new ReplaySession(sessionId, request, plan, request.speed, outbox, ownerSocketId, request.room);
    session.paused = request.paused ?? false;
    this.sessions.set(session.id, session);
    this.ensureTimer();
    return session;
  }

  stop(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.sessions.delete(sessionId);
    if (session.room) void this.rooms.delete(session.room);
    if (!this.sessions.size) this.stopTimer();
  }

  close(): void {
    this.stopTimer();
    this.unsubscribe();
    this.sessions.clear();
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.last = Date.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Steps a session by whole hours now, feeding it the corrections due by then. */
  step(session: ReplaySession, hours: number): void {
    session.step(hours, (until) => this.flushPending(session, until));
    if (session.room) void this.rooms.set(session.room, roomState(session));
  }

  private tick(): void {
    const now = Date.now();
    const elapsed = now - this.last;
    this.last = now;
    for (const session of this.sessions.values()) {
      const sent = session.tick(elapsed, (until) => this.flushPending(session, until));
      if (sent && session.room) void this.rooms.set(session.room, roomState(session));
    }
  }

  /** Corrections for claims recorded since a session was pinned, or live claims once it ended. */
  private onRecorded(events: StoredEvent[]): void {
    if (!this.sessions.size) return;
    const views = this.timeline.projections.views;
    for (const event of events) {
      const data = event.data as { campaignId?: string; claimId?: string };
      if (!data.claimId || !data.campaignId) continue;
      for (const session of this.sessions.values()) {
        if (session.plan.scope.campaignId !== data.campaignId || event.position <= session.plan.pinnedPosition) continue;
        const ledger = views.ledger(data.campaignId)!;
        const correction = correctionFor(views, ledger, data.claimId);
        if (!correction) continue;
        if (session.ended) {
          if (correction.claim) session.emit('replay:live', { claim: correction.claim });
        } else if (correction.to <= session.streamedUntil) {
          session.emit('replay:correction', {
            at: correction.at,
            claimId: data.claimId,
            claim: correction.claim,
            control: correction.control,
            casualties: correction.casualties,
          });
        } else {
          session.pending.set(data.claimId, correction.to);
        }
      }
    }
  }

  private flushPending(session: ReplaySession, until: number): void {
    if (!session.pending.size) return;
    const views = this.timeline.projections.views;
    for (const [claimId, to] of session.pending) {
      if (to > until) continue;
      session.pending.delete(claimId);
      const correction = correctionFor(views, views.ledger(session.plan.scope.campaignId)!, claimId);
      if (correction)
        session.emit('replay:correction', {
          at: correction.at,
          claimId,
          claim: correction.claim,
          control: correction.control,
          casualties: correction.casualties,
        });
    }
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

function newSessionId(): string {
  return randomBytes(12).toString('base64url');
}
