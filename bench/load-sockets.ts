import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';

/**
 * Socket clients in a process of their own, on loopback, bounded in count and time. Shared mode:
 * `count` clients join a room (socket.io) or connect (plain ws), say "ready", and record when
 * each frame's `seq` arrives. Private mode: each client starts its own replay and counts frames.
 * Prints one JSON line of results.
 */
interface Job {
  kind: 'socketio' | 'ws';
  mode: 'shared' | 'private';
  url: string;
  count: number;
  room?: string;
  start?: Record<string, unknown>;
  seconds: number;
}

const now = () => performance.timeOrigin + performance.now();

async function main() {
  const [arg] = process.argv.slice(2);
  if (!arg) throw new Error('usage: node load-sockets.js <job as JSON>');
  const job = JSON.parse(arg) as Job;
  const arrivals = new Map<number, number[]>();
  const framesPerClient = Array.from({ length: job.count }, () => 0);
  const ended = new Set<number>();
  const closers: (() => void)[] = [];
  let began = 0;
  let finished = 0;
  const onFrame = (client: number, seq: number) => {
    framesPerClient[client] = (framesPerClient[client] ?? 0) + 1;
    if (job.mode !== 'shared') return;
    let list = arrivals.get(seq);
    if (!list) arrivals.set(seq, (list = []));
    list.push(now());
  };
  const onEnd = (client: number) => {
    ended.add(client);
    finished = now();
  };

  const connect = (client: number) =>
    new Promise<void>((resolve, reject) => {
      if (job.kind === 'socketio') {
        const socket: Socket = io(`${job.url}/replay`, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
          extraHeaders: { origin: job.url },
        });
        closers.push(() => socket.close());
        socket.on('replay:frame', (f: { seq: number }) => onFrame(client, f.seq));
        socket.on('replay:end', () => onEnd(client));
        socket.on('connect_error', reject);
        socket.on('connect', async () => {
          if (job.mode === 'shared') {
            const ack = (await socket.emitWithAck('replay:join', { room: job.room })) as { ok: boolean };
            if (!ack.ok) return reject(new Error(JSON.stringify(ack)));
          }
          resolve();
        });
        starts[client] = () => void socket.emitWithAck('replay:start', job.start);
      } else {
        const ws = new WebSocket(job.url);
        closers.push(() => ws.close());
        ws.on('message', (data) => {
          // with the default binaryType a message arrives as one Buffer
          const m = JSON.parse((data as Buffer).toString()) as { seq?: number; end?: boolean };
          if (m.end) onEnd(client);
          else onFrame(client, m.seq!);
        });
        ws.on('error', reject);
        ws.on('open', () => resolve());
        starts[client] = () => ws.send(JSON.stringify({ start: job.start }));
      }
    });
  /** Private mode: how each client starts its own replay. */
  const starts: (() => void)[] = [];
  for (let i = 0; i < job.count; i += 50)
    await Promise.all(Array.from({ length: Math.min(50, job.count - i) }, (_, k) => connect(i + k)));

  if (job.mode === 'private') {
    began = now();
    for (const start of starts) start();
  } else {
    process.stdout.write('ready\n');
  }
  const deadline = Date.now() + job.seconds * 1000;
  while (ended.size < job.count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  if (!began) began = Math.min(...[...arrivals.values()].map((l) => Math.min(...l)));
  for (const close of closers) close();
  // a pipe takes a large write asynchronously: exit once it is flushed
  process.stdout.write(
    `${JSON.stringify({ clients: job.count, ended: ended.size, frames: framesPerClient.reduce((a, b) => a + b, 0), seconds: ((finished || now()) - began) / 1000, arrivals: Object.fromEntries(arrivals) })}\n`,
    () => process.exit(0),
  );
}

main().catch((error) => {
  process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`);
  process.exit(1);
});
