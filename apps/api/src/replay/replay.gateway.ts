import { Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { DomainError, isCalendarDate, dayBounds } from '@timeline/domain';
import { ProblemException } from '../http/problem';
import { ReplayJoin, ReplaySeek, ReplaySpeed, ReplayStart, ReplayStep, SessionCommand } from '@timeline/contracts';
import type { ReplaySession } from './replay-session';
import { MAX_SESSIONS_PER_CONNECTION, REPLAY_SESSIONS, roomState, type ReplaySessions } from './replay-sessions';
import { acknowledge } from './socket-acks';

/** How long a disconnected client's private replay waits for it to resume. */
const RESUME_GRACE_MS = 60_000;

@WebSocketGateway({ namespace: '/replay' })
export class ReplayGateway implements OnGatewayDisconnect {
  @WebSocketServer() private readonly nsp!: Namespace;
  private readonly logger = new Logger('replay');
  private readonly orphans = new Map<string, NodeJS.Timeout>();

  constructor(@Inject(REPLAY_SESSIONS) private readonly sessions: ReplaySessions) {}

  @SubscribeMessage('replay:start')
  start(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(ReplayStart, body, async (request) => {
      if (request.resume) return this.resume(socket, request.resume.sessionId, request.resume.seq, request);
      if (this.sessions.ownedBy(socket.id).length >= MAX_SESSIONS_PER_CONNECTION) {
        throw new ProblemException(429, 'Too Many Requests', `at most ${MAX_SESSIONS_PER_CONNECTION} replays per connection`);
      }
      if (request.room && (await this.sessions.rooms.get(request.room))) {
        throw DomainError.conflict(`room "${request.room}" already has a replay: join it`, [
          { path: 'room', message: 'is taken' },
        ]);
      }
      const plan = await this.sessions.plan(request);
      const outbox = request.room ? this.roomOutbox(request.room) : this.socketOutbox(socket);
      if (request.room) await socket.join(roomName(request.room));
      const session = this.sessions.start(request, plan, outbox, socket.id);
      if (request.room) await this.sessions.rooms.set(request.room, roomState(session));
      queueMicrotask(() => session.snapshot());
      return describe(session);
    });
  }

  @SubscribeMessage('replay:join')
  join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(ReplayJoin, body, async ({ room }) => {
      const state = await this.sessions.rooms.get(room);
      if (!state) throw DomainError.notFound(`room "${room}" has no replay`);
      const local = this.sessions.get(state.sessionId);
      const plan = local?.plan ?? (await this.sessions.plan(state.request, state.pinnedPosition));
      const next = local?.next ?? state.next;
      const seq = local?.seq ?? state.seq;
      await socket.join(roomName(room));
      // the late viewer's own snapshot carries the room's current seq: the next frame follows it
      queueMicrotask(() => socket.emit('replay:snapshot', { sessionId: state.sessionId, seq, ...plan.snapshot(next) }));
      return {
        sessionId: state.sessionId,
        seq,
        from: iso(plan.scope.from),
        to: iso(plan.scope.to),
        frames: plan.hours,
        pinnedPosition: plan.pinnedPosition,
      };
    });
  }

  @SubscribeMessage('replay:pause')
  pause(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(SessionCommand, body, async ({ sessionId }) => {
      this.controlled(socket, sessionId).paused = true;
      return {};
    });
  }

  @SubscribeMessage('replay:resume')
  resumePlayback(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(SessionCommand, body, async ({ sessionId }) => {
      this.controlled(socket, sessionId).paused = false;
      return {};
    });
  }

  @SubscribeMessage('replay:stop')
  stop(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(SessionCommand, body, async ({ sessionId }) => {
      this.controlled(socket, sessionId);
      this.sessions.stop(sessionId);
      return {};
    });
  }

  @SubscribeMessage('replay:seek')
  seek(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(ReplaySeek, body, async ({ sessionId, at }) => {
      const session = this.controlled(socket, sessionId);
      const { from, to } = session.plan.scope;
      const instant = isCalendarDate(at) ? dayBounds(at, this.timeZone(session)).start : Date.parse(at);
      if (instant < from || instant > to)
        throw DomainError.invalid('seek outside the replay window', [
          { path: 'at', message: `must be within ${iso(from)} and ${iso(to)}` },
        ]);
      session.seek(session.plan.frameIndexAt(instant));
      return { seq: session.seq };
    });
  }

  @SubscribeMessage('replay:speed')
  speed(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(ReplaySpeed, body, async ({ sessionId, speed }) => {
      this.controlled(socket, sessionId).speed = speed;
      return {};
    });
  }

  @SubscribeMessage('replay:step')
  step(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(ReplayStep, body, async ({ sessionId, hours }) => {
      const session = this.controlled(socket, sessionId);
      this.sessions.step(session, hours);
      return { seq: session.seq };
    });
  }

  /** Sockets connected to this namespace on this instance. */
  connectedCount(): number {
    return this.nsp?.sockets.size ?? 0;
  }

  handleDisconnect(socket: Socket): void {
    for (const session of this.sessions.ownedBy(socket.id)) {
      // kept a while for the client to resume with its last seq
      this.orphans.set(
        session.id,
        setTimeout(() => {
          this.orphans.delete(session.id);
          this.sessions.stop(session.id);
        }, RESUME_GRACE_MS).unref(),
      );
    }
  }

  private async resume(socket: Socket, sessionId: string, seq: number, request: ReplayStart) {
    const session = this.sessions.get(sessionId);
    if (!session) {
      // not on this instance (or expired): the same replay, pinned afresh, from a snapshot
      const plan = await this.sessions.plan(request);
      const fresh = this.sessions.start(request, plan, this.socketOutbox(socket), socket.id, sessionId);
      fresh.seq = seq;
      queueMicrotask(() => fresh.snapshot());
      return { ...describe(fresh), resumed: 'snapshot' };
    }
    clearTimeout(this.orphans.get(sessionId));
    this.orphans.delete(sessionId);
    (session as { ownerSocketId: string }).ownerSocketId = socket.id;
    if (session.room) await socket.join(roomName(session.room));
    else session.outbox = this.socketOutbox(socket);
    const missed = session.since(seq);
    queueMicrotask(() => {
      if (missed) for (const m of missed) socket.emit(m.event, m.payload);
      else session.snapshot();
    });
    return { ...describe(session), resumed: missed ? 'messages' : 'snapshot' };
  }

  private controlled(socket: Socket, sessionId: string): ReplaySession {
    const session = this.sessions.get(sessionId);
    if (!session) throw DomainError.notFound(`no replay "${sessionId}" on this connection`);
    if (session.ownerSocketId !== socket.id)
      throw new ProblemException(403, 'Forbidden', 'only the client that started this replay controls it');
    return session;
  }

  private timeZone(session: ReplaySession): string {
    return this.sessions.timeZoneOf(session.plan.scope.campaignId);
  }

  private socketOutbox(socket: Socket) {
    return { send: (event: string, payload: Record<string, unknown>) => void socket.emit(event, payload) };
  }

  private roomOutbox(room: string) {
    return { send: (event: string, payload: Record<string, unknown>) => void this.nsp.to(roomName(room)).emit(event, payload) };
  }
}

function describe(session: ReplaySession) {
  return {
    sessionId: session.id,
    from: iso(session.plan.scope.from),
    to: iso(session.plan.scope.to),
    frames: session.plan.hours,
    pinnedPosition: session.plan.pinnedPosition,
  };
}

function roomName(room: string): string {
  return `room:${room}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
