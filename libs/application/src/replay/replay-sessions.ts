import { randomBytes } from 'node:crypto';
import type { ReplayStart } from '@timeline/contracts';
import { type ClaimEvent, isClaimEvent, type RecordedEvent } from '@timeline/domain';
import { claimChange, correctionFor, type Correction, type FrameClaimChange, type HourlyReplay } from '@timeline/replay';
import type { ServingViews } from '../serving-views';
import { HeldRooms } from './held-rooms';
import type { ReplayClient } from './replay-client';
import type { RoomRegistry } from './room-registry';
import { ReplaySession, type Outbox } from './replay-session';

const TICK_MS = 10;

/**
 * The replays running on this instance: paced by one timer, fed corrections and live claims as
 * the log grows; those of shared rooms hold their room while they live.
 */
export class ReplaySessions {
  private readonly sessions = new Map<string, ReplaySession>();
  private timer: NodeJS.Timeout | undefined;
  private last = Date.now();
  private readonly unsubscribe: () => void;
  private readonly held: HeldRooms;

  constructor(
    private readonly serving: ServingViews,
    readonly rooms: RoomRegistry,
  ) {
    this.unsubscribe = serving.onFolded((events) => this.onRecorded(events));
    this.held = new HeldRooms(rooms, (session) => this.forget(session));
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

  start(request: ReplayStart, plan: HourlyReplay, outbox: Outbox, ownerId: string, sessionId = newSessionId()): ReplaySession {
    const session = new ReplaySession(sessionId, request, plan, request.speed, outbox, ownerId, request.room);
    session.paused = request.paused ?? false;
    this.sessions.set(session.id, session);
    this.ensureTimer();
    return session;
  }

  /**
   * Starts the replay of a shared room if the room is free, and its client joins the room's
   * audience; this instance then holds the room while the replay lives. Undefined when it is held.
   */
  async startInRoom(
    request: ReplayStart,
    room: string,
    plan: HourlyReplay,
    client: ReplayClient,
  ): Promise<ReplaySession | undefined> {
    const sessionId = newSessionId();
    const first = { sessionId, request, pinnedPosition: plan.pinnedPosition, next: 0, seq: 0 };
    if (!(await this.held.claim(room, first))) return undefined;
    const audience = await client.joinRoom(room);
    const session = this.start(request, plan, audience, client.id, sessionId);
    this.held.hold(room, session, audience);
    return session;
  }

  stop(sessionId: string): void {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.forget(session);
    this.held.release(session);
  }

  close(): void {
    this.stopTimer();
    this.unsubscribe();
    this.held.close();
    this.sessions.clear();
  }

  /** Steps a session by whole hours now, feeding it the corrections due by then. */
  step(session: ReplaySession, hours: number): void {
    session.step(hours, (until) => this.flushPending(session, until));
    this.held.progressed(session);
  }

  private forget(session: ReplaySession): void {
    this.sessions.delete(session.id);
    if (!this.sessions.size) this.stopTimer();
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
      if (sent) this.held.progressed(session);
    }
  }

  /** Corrections for claims recorded since a session was pinned, or live claims once it ended. */
  private onRecorded(events: RecordedEvent[]): void {
    if (!this.sessions.size) return;
    for (const event of events) {
      if (!isClaimEvent(event)) continue;
      const { data } = event;
      const change = this.change(event);
      for (const session of this.sessions.values()) {
        if (session.plan.scope.campaignId !== data.campaignId || event.position <= session.plan.pinnedPosition) continue;
        const correction = this.correction(data.campaignId, data.claimId, session.plan.asReported);
        if (!correction || !change) continue;
        if (session.ended) {
          if (correction.claim) session.emit('replay:live', { claim: correction.claim });
        } else if (correction.to <= session.streamedUntil) {
          emitCorrection(session, data.claimId, correction, change);
        } else {
          session.defer(data.claimId, correction.to, change);
        }
      }
    }
  }

  private flushPending(session: ReplaySession, until: number): void {
    for (const [claimId, { to, changes }] of session.pending) {
      if (to > until) continue;
      session.pending.delete(claimId);
      const correction = this.correction(session.plan.scope.campaignId, claimId, session.plan.asReported);
      if (correction) for (const change of changes) emitCorrection(session, claimId, correction, change);
    }
  }

  private change(event: RecordedEvent<ClaimEvent>): FrameClaimChange | undefined {
    const ledger = this.serving.current.ledger(event.data.campaignId);
    return ledger && claimChange(ledger, event);
  }

  private correction(campaignId: string, claimId: string, asReported: boolean): Correction | undefined {
    const views = this.serving.current;
    const ledger = views.ledger(campaignId);
    return ledger && correctionFor(views, ledger, claimId, asReported);
  }
}

/** A correction says what the event did (`change`) beside what it changes in the hour it lands in. */
function emitCorrection(session: ReplaySession, claimId: string, correction: Correction, change: FrameClaimChange): void {
  const { at, claim, control, casualties } = correction;
  session.emit('replay:correction', { at, claimId, claim, control, casualties, change });
}

function newSessionId(): string {
  return randomBytes(12).toString('base64url');
}
