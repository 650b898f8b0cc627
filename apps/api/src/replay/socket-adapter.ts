import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { MessageMappingProperties } from '@nestjs/websockets';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import type { IncomingMessage } from 'node:http';
import type Redis from 'ioredis';
import type { Observable } from 'rxjs';
import type { Server, ServerOptions, Socket } from 'socket.io';
import { sessionParser } from './session-encoder';
import { bindMessages } from './socket-messages';

/** Packets a client may leave unread before it is cut off (api.md: "a bound"). */
export const MAX_BUFFERED_PACKETS = 1000;
const SWEEP_MS = 250;

/**
 * socket.io as the service runs it: the handshake's Origin checked against `CORS_ORIGINS` (a
 * browser's socket is not held to same-origin), no per-message deflate, small client messages,
 * the Redis Streams adapter across instances, and clients that stop reading disconnected once
 * their unsent buffer passes the bound, so they slow no one else.
 */
export class TimelineIoAdapter extends IoAdapter {
  private readonly servers: Server[] = [];
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    app: INestApplicationContext,
    private readonly options: { corsOrigins: string[]; redis?: Redis; redisPrefix?: string; maxBuffered?: number },
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      perMessageDeflate: false,
      maxHttpBufferSize: 64 * 1024,
      parser: sessionParser,
      cors: this.options.corsOrigins.length ? { origin: this.options.corsOrigins } : undefined,
      allowRequest: (request: IncomingMessage, callback: (err: string | null | undefined, ok: boolean) => void) => {
        callback(null, originAllowed(request, this.options.corsOrigins));
      },
    }) as Server;
    if (this.options.redis)
      server.adapter(createAdapter(this.options.redis, { streamName: `${this.options.redisPrefix ?? 'timeline'}:socket.io` }));
    this.servers.push(server);
    if (!this.sweeper) {
      this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
      this.sweeper.unref();
    }
    return server;
  }

  /** Each handler is a plain listener on the socket, not an rxjs pipeline per socket (see `bindMessages`). */
  override bindMessageHandlers(
    socket: Socket,
    handlers: MessageMappingProperties[],
    transform: (result: unknown) => Observable<unknown>,
  ): void {
    bindMessages(socket, handlers, transform);
  }

  override async close(server: Server): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
    await super.close(server);
  }

  private sweep(): void {
    const bound = this.options.maxBuffered ?? MAX_BUFFERED_PACKETS;
    for (const server of this.servers) {
      for (const nsp of server._nsps.values()) {
        for (const socket of nsp.sockets.values()) {
          // engine.io keeps the packets a client has not taken yet in its write buffer
          const unsent = (socket.conn as unknown as { writeBuffer: unknown[] }).writeBuffer.length;
          if (unsent > bound) socket.disconnect(true);
        }
      }
    }
  }
}

/**
 * Same origin, or one of the allowed origins. A client that sends no Origin (not a browser)
 * is not subject to the browser's rules and is let in.
 */
export function originAllowed(request: IncomingMessage, allowed: string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (allowed.includes(origin) || allowed.includes('*')) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
