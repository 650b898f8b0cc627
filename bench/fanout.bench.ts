import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { percentile, type Result } from './measure';
import { startServerProcess, type ServerProcess } from './server-process';

const CAMPAIGN = 'syria-2024';
const now = () => performance.timeOrigin + performance.now();

interface LoadOutput {
  clients: number;
  ended: number;
  frames: number;
  seconds: number;
  arrivals: Record<string, number[]>;
  error?: string;
}

interface Load {
  ready: Promise<void>;
  done: Promise<LoadOutput>;
}

/** A load process (bench/load-sockets.js): resolves `ready` when its clients are in, `done` with its figures. */
export function load(job: Record<string, unknown>): Load {
  const child = spawn(process.execPath, ['--max-old-space-size=2048', join(__dirname, 'load-sockets.js'), JSON.stringify(job)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let markReady!: () => void;
  const ready = new Promise<void>((r) => (markReady = r));
  const done = new Promise<LoadOutput>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') return markReady();
      const out = JSON.parse(line) as LoadOutput;
      markReady();
      if (out.error) reject(new Error(out.error));
      else resolve(out);
    });
    child.once('exit', (code) => code && reject(new Error(`load process exited with ${code}`)));
  });
  return { ready, done };
}

function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) / 1024;
}

/** Samples a process's RSS until stopped; answers the peak. */
function rssPeak(pid: number): () => number {
  let peak = rssMiB(pid);
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, rssMiB(pid));
  };
}

function replayClient(url: string): Promise<Socket> {
  const socket = io(`${url}/replay`, { transports: ['websocket'], forceNew: true, extraHeaders: { origin: url } });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** The service with the shipped campaigns loaded, in a process of its own. */
export function replayServer(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-replay-'));
  return startServerProcess(
    {
      STORE_URL: `sqlite:${join(dir, 'store.db')}`,
      LOAD_EVENTS: 'true',
      DATA_DIR: dir,
      API_KEYS: 'bench:admin:bench-admin-key-0123456789',
      ...env,
    },
    120_000,
  );
}

/** The frames of a window as the service sends them, for the reference to send the same bytes. */
async function recordFrames(url: string, window: { from: string; to: string }): Promise<{ file: string; frames: number }> {
  const socket = await replayClient(url);
  const frames: object[] = [];
  socket.on('replay:frame', ({ sessionId: _s, seq: _q, ...frame }: Record<string, unknown>) => frames.push(frame));
  const ended = new Promise((r) => socket.once('replay:end', r));
  await socket.emitWithAck('replay:start', { campaignId: CAMPAIGN, ...window, speed: 1000 });
  await ended;
  socket.close();
  const file = join(mkdtempSync(join(tmpdir(), 'bench-frames-')), 'frames.json');
  writeFileSync(file, JSON.stringify(frames));
  return { file, frames: frames.length };
}

/** The client that starts a shared room, paused, and notes when each frame reaches it. */
export async function probedRoom(url: string, window: { from: string; to: string }, speed: number) {
  const probe = await replayClient(url);
  const times = new Map<number, number>();
  probe.on('replay:frame', (f: { seq: number }) => times.set(f.seq, now()));
  const room = `bench-${process.pid}`;
  const ended = new Promise((r) => probe.once('replay:end', r));
  const { sessionId, frames } = (await probe.emitWithAck('replay:start', {
    campaignId: CAMPAIGN,
    ...window,
    speed,
    room,
    paused: true,
  })) as { sessionId: string; frames: number };
  return {
    room,
    times,
    frames,
    /** Plays the room to its end. */
    play: async () => {
      await probe.emitWithAck('replay:resume', { sessionId });
      await ended;
      probe.close();
    },
  };
}

interface ReferenceServer {
  url: string;
  pid: number;
  kill(): void;
}

function referenceServer(framesFile: string): Promise<ReferenceServer> {
  const child = spawn(process.execPath, [join(__dirname, 'ws-reference.js'), framesFile], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const port = /^listening (\d+)/.exec(line)?.[1];
      if (port) resolve({ url: `ws://127.0.0.1:${port}`, pid: child.pid!, kill: () => child.kill() });
    });
  });
}

interface Delivery {
  delivered: number;
  p50: number;
  p99: number;
  rssGrowth: number;
}

/** Delay of each client's frame behind the probe's copy of it, and the share of frames delivered. */
function delivery(outputs: LoadOutput[], probe: Map<number, number>, expected: number): Omit<Delivery, 'rssGrowth'> {
  const delays: number[] = [];
  let frames = 0;
  let clients = 0;
  for (const out of outputs) {
    frames += out.frames;
    clients += out.clients;
    for (const [seq, times] of Object.entries(out.arrivals)) {
      const reference = probe.get(Number(seq));
      if (reference !== undefined) for (const t of times) delays.push(Math.max(0, t - reference));
    }
  }
  return { delivered: (frames / (clients * expected)) * 100, p50: percentile(delays, 50), p99: percentile(delays, 99) };
}

const split = (n: number, parts: number) =>
  Array.from({ length: parts }, (_, i) => Math.floor(n / parts) + (i < n % parts ? 1 : 0));
const halves = (n: number): [number, number] => [Math.ceil(n / 2), Math.floor(n / 2)];

/** 2,000 clients in one shared room at 20 frames/s, beside plain `ws` broadcasting the same frames. */
export async function sharedRoomFanOut(clients: number, window: { from: string; to: string }): Promise<Result> {
  const rate = 20;
  const server = await replayServer();
  let ours: Delivery;
  let frames: number;
  let framesFile: string;
  try {
    ({ file: framesFile, frames } = await recordFrames(server.url, window));
    const room = await probedRoom(server.url, window, rate);
    const before = rssMiB(server.child.pid!);
    const loads = split(clients, 2).map((count) =>
      load({ kind: 'socketio', mode: 'shared', url: server.url, count, room: room.room, seconds: frames / rate + 30 }),
    );
    await Promise.all(loads.map((l) => l.ready));
    const peak = rssPeak(server.child.pid!);
    await room.play();
    const outputs = await Promise.all(loads.map((l) => l.done));
    ours = { ...delivery(outputs, room.times, frames), rssGrowth: peak() - before };
  } finally {
    await server.kill();
  }

  const reference = await referenceServer(framesFile);
  let theirs: Delivery;
  try {
    const probe = new WebSocket(reference.url);
    await new Promise((r) => probe.once('open', r));
    const probeTimes = new Map<number, number>();
    const ended = new Promise<void>((resolve) =>
      probe.on('message', (data) => {
        // with the default binaryType a message arrives as one Buffer
        const m = JSON.parse((data as Buffer).toString()) as { seq?: number; end?: boolean };
        if (m.end) resolve();
        else probeTimes.set(m.seq!, now());
      }),
    );
    const before = rssMiB(reference.pid);
    const loads = split(clients, 2).map((count) =>
      load({ kind: 'ws', mode: 'shared', url: reference.url, count, seconds: frames / rate + 30 }),
    );
    await Promise.all(loads.map((l) => l.ready));
    const peak = rssPeak(reference.pid);
    probe.send(JSON.stringify({ start: { rate, shared: true } }));
    await ended;
    const outputs = await Promise.all(loads.map((l) => l.done));
    theirs = { ...delivery(outputs, probeTimes, frames), rssGrowth: peak() - before };
    probe.close();
  } finally {
    reference.kill();
  }
  const ratio = ours.p99 / theirs.p99;
  const rssMet = ours.rssGrowth <= 1.5 * theirs.rssGrowth + 20;
  return {
    name: `shared-room fan-out: ${clients.toLocaleString('en')} socket.io clients, ${rate} frames/s`,
    value: ours.p99,
    unit: 'ms p99 behind the first client',
    reference: `plain ws broadcast of the same frames (p99 ${theirs.p99.toFixed(1)} ms)`,
    referenceValue: theirs.p99,
    ratio,
    target: '100 % delivered; p99 ≤ 1.5x; RSS ≤ 1.5x + 20 MB',
    met: ours.delivered >= 100 && ratio <= 1.5 && rssMet,
    notes: `${frames} frames; delivered ${ours.delivered.toFixed(2)} % vs ${theirs.delivered.toFixed(2)} %; p50 ${ours.p50.toFixed(1)} vs ${theirs.p50.toFixed(1)} ms; server RSS growth with the clients ${ours.rssGrowth.toFixed(0)} MiB vs ${theirs.rssGrowth.toFixed(0)} MiB (${rssMet ? 'within' : 'over'} 1.5x + 20 MB)`,
  };
}

/** Clients each running a replay of their own at 100 hours a second, beside the same frames sent from memory. */
export async function privateReplays(clients: number, window: { from: string; to: string }): Promise<Result> {
  const rate = 100;
  const server = await replayServer();
  let ours: LoadOutput;
  let framesFile: string;
  let frames: number;
  try {
    ({ file: framesFile, frames } = await recordFrames(server.url, window));
    ours = await load({
      kind: 'socketio',
      mode: 'private',
      url: server.url,
      count: clients,
      start: { campaignId: CAMPAIGN, ...window, speed: rate },
      seconds: frames / rate + 60,
    }).done;
  } finally {
    await server.kill();
  }
  const reference = await referenceServer(framesFile);
  let theirs: LoadOutput;
  try {
    theirs = await load({
      kind: 'ws',
      mode: 'private',
      url: reference.url,
      count: clients,
      start: { rate },
      seconds: frames / rate + 60,
    }).done;
  } finally {
    reference.kill();
  }
  const throughput = (o: LoadOutput) => o.frames / o.seconds;
  const ratio = throughput(ours) / throughput(theirs);
  return {
    name: `private replays: ${clients} clients, each its own session at ${rate} hours/s`,
    value: throughput(ours),
    unit: 'frames/s',
    reference: `the same frames precomputed and sent over ws (${throughput(theirs).toFixed(0)}/s)`,
    referenceValue: throughput(theirs),
    ratio,
    target: '≥ 0.7x',
    met: ratio >= 0.7 && ours.ended === clients,
    notes: `${frames} frames each; ${ours.ended}/${clients} replays ended in ${ours.seconds.toFixed(1)} s vs ${theirs.seconds.toFixed(1)} s (the pace alone takes ${(frames / rate).toFixed(1)} s)`,
  };
}

/** Viewers of one room on the instance that drives it and on another, through Redis. */
export async function acrossInstances(viewers: number, window: { from: string; to: string }, redisUrl: string): Promise<Result> {
  const rate = 20;
  const dir = mkdtempSync(join(tmpdir(), 'bench-instances-'));
  const shared = {
    STORE_URL: `sqlite:${join(dir, 'store.db')}`,
    DATA_DIR: dir,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `bench${process.pid}`,
    API_KEYS: 'bench:admin:bench-admin-key-0123456789',
  };
  const a = await startServerProcess({ ...shared, LOAD_EVENTS: 'true' }, 120_000);
  const b = await startServerProcess({ ...shared, LOAD_EVENTS: 'false' }, 120_000).catch(async (e) => {
    await a.kill();
    throw e;
  });
  try {
    const room = await probedRoom(a.url, window, rate);
    const [half1, half2] = halves(viewers);
    const viewersOn = (url: string, count: number) =>
      load({ kind: 'socketio', mode: 'shared', url, count, room: room.room, seconds: room.frames / rate + 30 });
    const [same, other] = [viewersOn(a.url, half1), viewersOn(b.url, half2)];
    await Promise.all([same.ready, other.ready]);
    await room.play();
    const [onA, onB] = [
      delivery([await same.done], room.times, room.frames),
      delivery([await other.done], room.times, room.frames),
    ];
    const extra = onB.p99 - onA.p99;
    return {
      name: `across instances on Redis: ${viewers} viewers of one room, half on the other instance`,
      value: onB.p99,
      unit: 'ms p99 on the other instance',
      reference: `viewers on the driving instance (p99 ${onA.p99.toFixed(1)} ms)`,
      referenceValue: onA.p99,
      ratio: onB.p99 / onA.p99,
      target: '≤ +20 ms',
      met: extra <= 20 && onB.delivered >= 100,
      notes: `${extra >= 0 ? '+' : ''}${extra.toFixed(1)} ms; delivered ${onA.delivered.toFixed(2)} % here, ${onB.delivered.toFixed(2)} % there; p50 ${onA.p50.toFixed(1)} vs ${onB.p50.toFixed(1)} ms`,
    };
  } finally {
    await Promise.all([a.kill(), b.kill()]);
  }
}
