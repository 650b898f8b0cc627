import { randomBytes } from 'node:crypto';
import type { ReplayStart } from '@timeline/contracts';
import { isClaimEvent, type RecordedEvent } from '@timeline/domain';
import { correctionFor, type Correction, type ReplayPlan } from '@timeline/replay';
import type { ServingViews } from '../serving-views';
import type { RoomRegistry, RoomState } from './room-registry';
import { ReplaySession, type Outbox } from './replay-session';

const TICK_MS = 10;

/**
 * The replays running on this instance: paced by one timer, fed corrections and live claims as
 * the log grows.
 */
export class ReplaySessions {
  private readonly sessions = new Map<string, ReplaySession>();
  private timer: NodeJS.Timeout | undefined;
  private last = Date.now();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly serving: ServingViews,
    readonly rooms: RoomRegistry,
  ) {
    this.unsubscribe = serving.onFolded((events) => this.onRecorded(events));
  }

  get size(): number {
    return this.sessions.size;
  }

  get(sessionId: string): ReplaySession | undefined {
    return this.sessions.get(sessionId);
  }

  ownedBy(clientId: string): ReplaySession[] {
    return [...this.sessions.values()].filter((s) => s.ownerId === clientId);
  }

  start(request: ReplayStart, plan: ReplayPlan, outbox: Outbox, ownerId: string, sessionId = newSessionId()): ReplaySession {
    const session = new ReplaySession(sessionId, request, plan, request.speed, outbox, ownerId, request.room);
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

  /** Steps a session by whole hours now, feeding it the corrections due by then. */
  step(session: ReplaySession, hours: number): void {
    session.step(hours, (until) => this.flushPending(session, until));
    if (session.room) void this.rooms.set(session.room, roomState(session));
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
  private onRecorded(events: RecordedEvent[]): void {
    if (!this.sessions.size) return;
    for (const event of events) {
      if (!isClaimEvent(event)) continue;
      const { data } = event;
      for (const session of this.sessions.values()) {
        if (session.plan.scope.campaignId !== data.campaignId || event.position <= session.plan.pinnedPosition) continue;
        const correction = this.correction(data.campaignId, data.claimId);
        if (!correction) continue;
        if (session.ended) {
          if (correction.claim) session.emit('replay:live', { claim: correction.claim });
        } else if (correction.to <= session.streamedUntil) {
          emitCorrection(session, data.claimId, correction);
        } else {
          session.pending.set(data.claimId, correction.to);
        }
      }
    }
  }

  private flushPending(session: ReplaySession, until: number): void {
    for (const [claimId, to] of session.pending) {
      if (to > until) continue;
      session.pending.delete(claimId);
      const correction = this.correction(session.plan.scope.campaignId, claimId);
      if (correction) emitCorrection(session, claimId, correction);
    }
  }

  private correction(campaignId: string, claimId: string): Correction | undefined {
    const views = this.serving.current;
    const ledger = views.ledger(campaignId);
    return ledger && correctionFor(views, ledger, claimId);
  }
}

function emitCorrection(session: ReplaySession, claimId: string, correction: Correction): void {
  const { at, claim, control, casualties } = correction;
  session.emit('replay:correction', { at, claimId, claim, control, casualties });
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
