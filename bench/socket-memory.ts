import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { Server, type ServerOptions } from 'socket.io';
import WebSocket, { WebSocketServer } from 'ws';
import { load, probedRoom, replayServer } from './fanout.bench';

/**
 * What each connected client costs a server, idle in a shared room: heap, memory outside the
 * heap (`external`: buffers) and RSS, after a full GC, divided by the number of clients. Plain
 * `ws` (the fan-out reference), bare socket.io with one set of options at a time, and the
 * service itself (read through its inspector).
 * Usage: node --expose-gc dist/bench/socket-memory.js [clients] [variant …]; no variant = all.
 */
interface Memory {
  heapUsed: number;
  external: number;
  rss: number;
}

interface Variant {
  /** Starts a server; answers its URL, how to read its memory, how to end the clients' wait, and how to stop it. */
  start(): Promise<{
    url: string;
    kind: 'ws' | 'socketio';
    room?: string;
    memory(): Promise<Memory>;
    end(): Promise<void>;
    stop(): Promise<void>;
  }>;
}

const gc = (globalThis as { gc?: () => void }).gc;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ownMemory(): Promise<Memory> {
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 3; i++) {
    gc();
    await pause(100);
  }
  const { heapUsed, external, rss } = process.memoryUsage();
  return { heapUsed, external, rss };
}

/** The service's options today (apps/api/src/replay/socket-adapter.ts), the base of each socket.io variant. */
const AS_CONFIGURED: Partial<ServerOptions> = { perMessageDeflate: false, maxHttpBufferSize: 64 * 1024 };

/** A bare socket.io server whose `/replay` namespace lets a client join a room, as the gateway does. */
function bareSocketIo(options: Partial<ServerOptions>, onConnection?: (io: Server) => void): Variant {
  return {
    start: async () => {
      const http = createServer();
      const io = new Server(http, options);
      onConnection?.(io);
      io.of('/replay').on('connection', (socket) => {
        socket.on('replay:join', ({ room }: { room: string }, ack: (a: object) => void) => {
          void socket.join(`room:${room}`);
          ack({ ok: true });
        });
      });
      await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
      return {
        url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
        kind: 'socketio',
        room: 'probe',
        memory: ownMemory,
        end: () => Promise.resolve(void io.of('/replay').emit('replay:end', {})),
        stop: () => new Promise<void>((r) => void io.close(() => r())),
      };
    },
  };
}

const VARIANTS: Record<string, Variant> = {
  ws: {
    start: async () => {
      const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
      await new Promise((r) => server.once('listening', r));
      return {
        url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
        kind: 'ws',
        memory: ownMemory,
        end: () => Promise.resolve(server.clients.forEach((ws) => ws.send(JSON.stringify({ end: true })))),
        stop: () => new Promise<void>((r) => server.close(() => r())),
      };
    },
  },
  'socket.io defaults': bareSocketIo({}),
  'socket.io as configured': bareSocketIo(AS_CONFIGURED),
  '+ transports websocket only': bareSocketIo({ ...AS_CONFIGURED, transports: ['websocket'] }),
  '+ allowUpgrades false': bareSocketIo({ ...AS_CONFIGURED, allowUpgrades: false }),
  '+ httpCompression false': bareSocketIo({ ...AS_CONFIGURED, httpCompression: false }),
  '+ perMessageDeflate on': bareSocketIo({ ...AS_CONFIGURED, perMessageDeflate: true }),
  '+ maxHttpBufferSize 1 MB': bareSocketIo({ ...AS_CONFIGURED, maxHttpBufferSize: 1e6 }),
  '+ pingInterval 60 s': bareSocketIo({ ...AS_CONFIGURED, pingInterval: 60_000 }),
  '+ connectionStateRecovery': bareSocketIo({ ...AS_CONFIGURED, connectionStateRecovery: {} }),
  '+ cleanupEmptyChildNamespaces': bareSocketIo({ ...AS_CONFIGURED, cleanupEmptyChildNamespaces: true }),
  '+ request dropped after connect': bareSocketIo(AS_CONFIGURED, (io) =>
    io.of('/replay').on('connection', (socket) => {
      (socket.conn as unknown as { request: unknown }).request = null;
    }),
  ),
  service: {
    start: async () => {
      const server = await replayServer();
      const inspector = await Inspector.of(server.output());
      const room = await probedRoom(server.url, { from: '2024-12-01', to: '2024-12-01' }, 1000);
      return {
        url: server.url,
        kind: 'socketio',
        room: room.room,
        memory: () => inspector.memory(),
        end: () => room.play(),
        stop: async () => {
          inspector.close();
          await server.kill();
        },
      };
    },
  },
};

/** The Chrome DevTools protocol of a process started with `--inspect`, enough to collect garbage and read its memory. */
class Inspector {
  private next = 0;
  private readonly waiting = new Map<number, (result: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      // with the default binaryType a message arrives as one Buffer
      const { id, result } = JSON.parse((data as Buffer).toString()) as { id?: number; result?: unknown };
      if (id !== undefined) this.waiting.get(id)?.(result);
    });
  }

  static async of(log: string): Promise<Inspector> {
    const url = /Debugger listening on (ws:\/\/\S+)/.exec(log)?.[1];
    if (!url) throw new Error('the service was not started with --inspect (SERVER_NODE_ARGS)');
    const socket = new WebSocket(url);
    await new Promise((r) => socket.once('open', r));
    return new Inspector(socket);
  }

  async memory(): Promise<Memory> {
    for (let i = 0; i < 3; i++) {
      await this.call('HeapProfiler.collectGarbage');
      await pause(100);
    }
    const { result } = (await this.call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    })) as { result: { value: string } };
    return JSON.parse(result.value) as Memory;
  }

  close(): void {
    this.socket.close();
  }

  private call(method: string, params: object = {}): Promise<unknown> {
    const id = ++this.next;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }
}

async function measure(name: string, clients: number): Promise<string> {
  const server = await VARIANTS[name]!.start();
  try {
    const before = await server.memory();
    const loads = [0, 1].map((half) =>
      load({
        kind: server.kind,
        mode: 'shared',
        url: server.url,
        count: Math.ceil((clients - half) / 2),
        room: server.room,
        seconds: 120,
      }),
    );
    await Promise.all(loads.map((l) => l.ready));
    await pause(500);
    const after = await server.memory();
    await server.end();
    await Promise.all(loads.map((l) => l.done));
    const per = (key: keyof Memory) => `${((after[key] - before[key]) / clients / 1024).toFixed(1).padStart(6)}`;
    return `${name.padEnd(34)} ${per('heapUsed')} ${per('external')} ${per('rss')}`;
  } finally {
    await server.stop();
  }
}

async function main() {
  const [count, ...names] = process.argv.slice(2);
  const clients = Number(count ?? 2000);
  const chosen = names.length ? names : Object.keys(VARIANTS);
  if (chosen.some((n) => n === 'service') && !process.env.SERVER_NODE_ARGS?.includes('--inspect'))
    process.env.SERVER_NODE_ARGS = `${process.env.SERVER_NODE_ARGS ?? ''} --inspect=127.0.0.1:0`;
  console.log(
    `${clients} clients idle in one room; KiB per client after a full GC\n${'variant'.padEnd(34)}   heap external    rss`,
  );
  for (const name of chosen) console.log(await measure(name, clients));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
