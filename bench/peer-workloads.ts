import { performance } from 'node:perf_hooks';
import { streamAppend } from '@timeline/application';
import type { StreamAppend } from '@timeline/store';
import { timed } from './measure';
import type { Peer, PeerPair } from './peer';
import { context, DATA } from './store.bench';

export const APPENDERS = 16;

/** `n` new claim streams of `events` events each, made as the service makes them. */
export function claimStreams(n: number, events: number, prefix: string): StreamAppend[] {
  return Array.from({ length: n }, (_, i) =>
    streamAppend(
      `claim-${prefix}${i}`,
      'no_stream',
      Array.from(
        { length: events },
        (_, e) => ({ type: 'ControlClaimed', data: { ...DATA, claimId: `${prefix}${i}.${e}` } }) as never,
      ),
      'x',
      context(),
    ),
  );
}

/** A workload run on the raw reference, then on the store. */
export async function both<T>(pair: PeerPair, run: (peer: Peer) => Promise<T>): Promise<{ raw: T; store: T }> {
  const raw = await run(pair.raw);
  return { raw, store: await run(pair.store) };
}

/** The appends made one after another. */
export function sequential(peer: Peer, appends: StreamAppend[]) {
  return timed(appends, (append) => peer.append(append));
}

/**
 * The appends shared out among 16 appenders, each making one at a time, until all are made or
 * `seconds` have passed; a failed append is counted by its error and the appender goes on.
 */
export async function concurrently(peer: Peer, appends: StreamAppend[], seconds: number) {
  const failed = new Map<string, number>();
  let next = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: APPENDERS }, async () => {
      while (next < appends.length && performance.now() < deadline) {
        try {
          await peer.append(appends[next++]!);
        } catch (error) {
          count(failed, error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  const ms = performance.now() - start;
  const stored = next - [...failed.values()].reduce((a, b) => a + b, 0);
  return { rate: (stored / ms) * 1000, attempted: next, stored, failed };
}

export async function readAll(peer: Peer, page: number) {
  const start = performance.now();
  const read = await peer.readAll(page);
  return { rate: (read / (performance.now() - start)) * 1000, read };
}

/**
 * Runs `f` with `console.log` counted by what it logs (an error's code) instead of printed:
 * Emmett SQLite logs the error of every transaction it rolls back.
 */
export async function withLogsCounted<T>(f: () => Promise<T>): Promise<{ result: T; logged: Map<string, number> }> {
  const log = console.log;
  const logged = new Map<string, number>();
  console.log = (first: unknown) => {
    const code = (first as { code?: unknown } | null)?.code;
    count(logged, typeof code === 'string' ? code : 'other');
  };
  try {
    const result = await f();
    return { result, logged };
  } finally {
    console.log = log;
  }
}

export function counts(counted: Map<string, number>): string {
  return counted.size ? [...counted].map(([kind, n]) => `${n} × ${kind}`).join(', ') : 'none';
}

function count(counted: Map<string, number>, kind: string): void {
  counted.set(kind, (counted.get(kind) ?? 0) + 1);
}

/** Counts the messages of an Emmett log read page by page after a global position, as its consumers read it. */
export async function countEmmettPages(
  readPage: (after: bigint) => Promise<{ messages: { metadata: { globalPosition: bigint } }[] }>,
  size: number,
): Promise<number> {
  let after = 0n;
  let read = 0;
  for (;;) {
    const { messages } = await readPage(after);
    read += messages.length;
    const last = messages.at(-1);
    if (!last || messages.length < size) return read;
    after = last.metadata.globalPosition;
  }
}
