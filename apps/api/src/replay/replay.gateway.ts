import { Inject, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import type { ReplayActivity, ReplayClient, ReplayControl, RoomAudience } from '@timeline/application';
import { ReplayJoin, ReplaySeek, ReplaySpeed, ReplayStart, ReplayStep, SessionCommand } from '@timeline/contracts';
import { directOutbox } from './direct-frames';
import { REPLAY_CONTROL } from './replay.tokens';
import { roomAudience, roomName } from './room-audience';
import { SERVER_CLOSING } from './server-closing';
import { acknowledge } from './socket-acks';

/** `/replay`: each message checked, handed to the replay use case, and acknowledged. */
@WebSocketGateway({ namespace: '/replay' })
export class ReplayGateway implements OnGatewayDisconnect, OnModuleDestroy, ReplayActivity {
  @WebSocketServer() private readonly nsp: Namespace | undefined;

  constructor(@Inject(REPLAY_CONTROL) private readonly replays: ReplayControl) {}

  @SubscribeMessage('replay:start')
  start(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(ReplayStart, body, (request) => this.replays.start(request, this.client(socket)));
  }

  @SubscribeMessage('replay:join')
  join(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(ReplayJoin, body, ({ room }) => this.replays.join(room, this.client(socket)));
  }

  @SubscribeMessage('replay:pause')
  pause(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(SessionCommand, body, ({ sessionId }) => this.replays.pause(sessionId, socket.id));
  }

  @SubscribeMessage('replay:resume')
  resumePlayback(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(SessionCommand, body, ({ sessionId }) => this.replays.play(sessionId, socket.id));
  }

  @SubscribeMessage('replay:stop')
  stop(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(SessionCommand, body, ({ sessionId }) => this.replays.stop(sessionId, socket.id));
  }

  @SubscribeMessage('replay:seek')
  seek(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(ReplaySeek, body, ({ sessionId, at }) => this.replays.seek(sessionId, socket.id, at));
  }

  @SubscribeMessage('replay:speed')
  speed(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(ReplaySpeed, body, ({ sessionId, speed }) => this.replays.setSpeed(sessionId, socket.id, speed));
  }

  @SubscribeMessage('replay:step')
  step(@ConnectedSocket() socket: Socket, @MessageBody() body: unknown) {
    return acknowledge(ReplayStep, body, ({ sessionId, hours }) => this.replays.step(sessionId, socket.id, hours));
  }

  /** Sockets connected to this namespace on this instance, and the replays running here. */
  activity(): { sockets: number; sessions: number } {
    return { sockets: this.nsp?.sockets.size ?? 0, sessions: this.replays.sessionCount };
  }

  handleDisconnect(socket: Socket): void {
    this.replays.disconnected(socket.id);
  }

  /** A stop: this instance's sockets are told before their connections close (replays resume elsewhere). */
  onModuleDestroy(): void {
    this.nsp?.local.emit('server:closing', SERVER_CLOSING);
    this.replays.close();
  }

  /** A socket as the replay use case sees it; a room reaches its viewers on every instance. */
  private client(socket: Socket): ReplayClient {
    return {
      id: socket.id,
      direct: directOutbox(socket),
      joinRoom: async (room): Promise<RoomAudience> => {
        await socket.join(roomName(room));
        return roomAudience(socket.nsp, room);
      },
    };
  }
}
