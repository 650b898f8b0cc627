import type { StreamAppend } from '@timeline/store';

/** A store, or the raw engine under it, driven by the peer workloads. */
export interface Peer {
  /** Stores the append's events as a new stream in one transaction, refused if the stream exists. */
  append(append: StreamAppend): Promise<void>;
  /** Reads the whole log in pages of `page` events, in log order; answers how many it read. */
  readAll(page: number): Promise<number>;
}

/** An event store beside a raw insert of the same rows on its own engine. */
export interface PeerPair {
  name: string;
  store: Peer;
  raw: Peer;
  /** What the raw reference runs on, e.g. "raw pg". */
  rawName: string;
  /** How durable an acknowledged write is, on the store and on the raw reference. */
  durability: string;
  close(): Promise<void>;
}

/** The rows of an append as a raw insert stores them: one per event, JSON as text. */
export function rawRows(append: StreamAppend): [string, number, string, string, string, string][] {
  return append.events.map((e, revision) => [
    append.stream,
    revision,
    e.eventId,
    e.type,
    JSON.stringify(e.data),
    JSON.stringify(e.metadata),
  ]);
}

/** The events of an append as Emmett takes them: Emmett adds its own message id and positions. */
export function emmettEvents(append: StreamAppend) {
  return append.events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: e.metadata }));
}
