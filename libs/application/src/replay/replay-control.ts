import type { ReplayStart, ReplayStarted } from '@timeline/contracts';
import { dayBounds, DomainError, isCalendarDate } from '@timeline/domain';
import { Refusal } from '../refusal';
import { describePlan } from './replay-answers';
import type { ReplayClient } from './replay-client';
import type { ReplayPlans } from './replay-plans';
import type { ReplaySession } from './replay-session';
import { ResumeGrace } from './resume-grace';
import type { ReplaySessions } from './replay-sessions';
import { SessionMessage } from './session-message';
import { WatchedRooms } from './watched-rooms';

export const MAX_SESSIONS_PER_CONNECTION = 5;

/**
 * The rules of watching replays: a client starts at most a few, a shared room has one replay
 * (later viewers join it, and are told when it ends or its driver is lost), only the client that
 * started a replay controls it, and a client that drops has a while to resume where it was.
 */
export class ReplayControl {
  private readonly grace = new ResumeGrace();
  private readonly watched: WatchedRooms;

  constructor(
    private readonly sessions: ReplaySessions,
    private readonly plans: ReplayPlans,
  ) {
    this.watched = new WatchedRooms(sessions.rooms);
  }

  get sessionCount(): number {
    return this.sessions.size;
  }

  async start(request: ReplayStart, client: ReplayClient): Promise<ReplayStarted> {
    if (request.resume) return this.resume(request, request.resume, client);
    if (this.sessions.ownedBy(client.id).length >= MAX_SESSIONS_PER_CONNECTION)
      throw new Refusal('too-many', `at most ${MAX_SESSIONS_PER_CONNECTION} replays per connection`);
    const plan = await this.plans.plan(request);
    const session = request.room
      ? await this.sessions.startInRoom(request, request.room, plan, client)
      : this.sessions.start(request, plan, client.direct, client.id);
    if (!session)
      throw DomainError.conflict(`room "${request.room}" already has a replay: join it`, [{ path: 'room', message: 'is taken' }]);
    queueMicrotask(() => session.snapshot());
    return describe(session);
  }

  /**
   * A late viewer of a shared room: its own snapshot carries the room's seq, the next frame
   * follows it. A room driven from another instance is watched, so the viewer hears if it is lost.
   */
  async join(room: string, client: ReplayClient) {
    const state = await this.sessions.rooms.get(room);
    if (!state) throw DomainError.notFound(`room "${room}" has no replay`);
    const local = this.sessions.get(state.sessionId);
    const plan = local?.plan ?? (await this.plans.plan(state.request, state.pinnedPosition));
    const next = local?.next ?? state.next;
    const seq = local?.seq ?? state.seq;
    const audience = await client.joinRoom(room);
    if (!local) this.watched.watch(room, state.sessionId, audience);
    queueMicrotask(() =>
      client.direct.send('replay:snapshot', new SessionMessage(state.sessionId, seq, plan.snapshot(next), true)),
    );
    return { sessionId: state.sessionId, seq, ...describePlan(plan) };
  }

  pause(sessionId: string, clientId: string): void {
    this.controlled(sessionId, clientId).paused = true;
  }

  play(sessionId: string, clientId: string): void {
    this.controlled(sessionId, clientId).paused = false;
  }

  stop(sessionId: string, clientId: string): void {
    this.controlled(sessionId, clientId);
    this.sessions.stop(sessionId);
  }

  /** Moves to the hour of `at` (a local day's start or an instant) and sends a snapshot there. */
  seek(sessionId: string, clientId: string, at: string): { seq: number } {
    const session = this.controlled(sessionId, clientId);
    const { from, to, campaignId } = session.plan.scope;
    const instant = isCalendarDate(at) ? dayBounds(at, this.plans.timeZoneOf(campaignId)).start : Date.parse(at);
    if (instant < from || instant > to)
      throw DomainError.invalid('seek outside the replay window', [
        { path: 'at', message: `must be within ${iso(from)} and ${iso(to)}` },
      ]);
    session.seek(session.plan.frameIndexAt(instant));
    return { seq: session.seq };
  }

  setSpeed(sessionId: string, clientId: string, speed: number): void {
    this.controlled(sessionId, clientId).speed = speed;
  }

  step(sessionId: string, clientId: string, hours: number): { seq: number } {
    const session = this.controlled(sessionId, clientId);
    this.sessions.step(session, hours);
    return { seq: session.seq };
  }

  /** The client's replays are kept a while for it to resume with its last seq. */
  disconnected(clientId: string): void {
    for (const session of this.sessions.ownedBy(clientId)) this.grace.hold(session.id, () => this.sessions.stop(session.id));
  }

  close(): void {
    this.grace.clear();
    this.watched.close();
    this.sessions.close();
  }

  private async resume(
    request: ReplayStart,
    { sessionId, seq, at }: { sessionId: string; seq: number; at?: string },
    client: ReplayClient,
  ): Promise<ReplayStarted> {
    const session = this.sessions.get(sessionId);
    if (!session) {
      // not on this instance (or it restarted, or the grace ran out): the same replay, pinned
      // afresh, from a snapshot of the hour the client had reached
      const plan = await this.plans.plan(request);
      const fresh = this.sessions.start(request, plan, client.direct, client.id, sessionId);
      fresh.seq = seq;
      const reached = at === undefined ? 0 : plan.frameIndexAt(Date.parse(at));
      queueMicrotask(() => fresh.seek(reached));
      return { ...describe(fresh), resumed: 'snapshot' };
    }
    this.grace.release(sessionId);
    session.ownerId = client.id;
    if (session.room) await client.joinRoom(session.room);
    else session.outbox = client.direct;
    const missed = session.since(seq);
    queueMicrotask(() => {
      if (missed) for (const m of missed) client.direct.send(m.event, m.payload);
      else session.snapshot();
    });
    return { ...describe(session), resumed: missed ? 'messages' : 'snapshot' };
  }

  private controlled(sessionId: string, clientId: string): ReplaySession {
    const session = this.sessions.get(sessionId);
    if (!session) throw DomainError.notFound(`no replay "${sessionId}" on this connection`);
    if (session.ownerId !== clientId) throw new Refusal('forbidden', 'only the client that started this replay controls it');
    return session;
  }
}

function describe(session: ReplaySession): ReplayStarted {
  return { sessionId: session.id, ...describePlan(session.plan) };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
