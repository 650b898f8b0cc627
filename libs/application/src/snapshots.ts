import { closeSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { EventStore } from '@timeline/store';
import { TimelineViews } from '@timeline/views';
import type { Timeline } from './timeline';

const FORMAT = 1;

/**
 * The read models written to a file with the log position they stand at, so a restart resumes
 * from there instead of refolding the whole log. A snapshot names the id of the event at its
 * position: if the store no longer holds that event there (another store, a reset file), the
 * snapshot is ignored and the log is folded from the start.
 *
 * Writing is synchronous: the read models change with every event, and a snapshot must be of one
 * position, so nothing may apply an event while it is written.
 */
export function saveSnapshot(timeline: Timeline, file: string, lastEventId: string): { position: number; bytes: number } {
  const position = timeline.models.follower.checkpoint;
  const temporary = `${file}.tmp`;
  const fd = openSync(temporary, 'w');
  let bytes = 0;
  let buffer = '';
  const write = (line: unknown) => {
    buffer += `${JSON.stringify(line)}\n`;
    if (buffer.length > 1 << 20) flush();
  };
  const flush = () => {
    bytes += writeSync(fd, buffer);
    buffer = '';
  };
  try {
    write({ kind: 'header', format: FORMAT, position, lastEventId, catalog: timeline.models.catalog.toSnapshot() });
    for (const line of timeline.projections.views.toSnapshot()) write(line);
    flush();
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  return { position, bytes };
}

/** Restores the read models from a snapshot that matches the store; answers its position, or 0. */
export async function restoreSnapshot(timeline: Timeline, store: EventStore, file: string): Promise<number> {
  if (!existsSync(file)) return 0;
  try {
    const lines = readLines(file);
    const header = JSON.parse(lines.next().value ?? '{}');
    if (header.kind !== 'header' || header.format !== FORMAT) return 0;
    const [atPosition] = await store.readAll(header.position - 1, 1);
    if (!atPosition || atPosition.position !== header.position || atPosition.eventId !== header.lastEventId) return 0;
    timeline.models.catalog.restore(header.catalog);
    timeline.projections.restore(TimelineViews.fromSnapshot(map(lines, (l) => JSON.parse(l))));
    timeline.models.follower.resumeFrom(header.position);
    return header.position;
  } catch {
    rmSync(file, { force: true });
    return 0;
  }
}

/** The lines of a file, read in chunks: a snapshot can be larger than one string may be. */
function* readLines(file: string): Generator<string, undefined> {
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 20);
  let rest = '';
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      const lines = (rest + chunk.toString('utf8', 0, read)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line) yield line;
    }
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
  return undefined;
}

function* map<T, U>(items: Iterator<T>, f: (item: T) => U): Generator<U> {
  for (let next = items.next(); !next.done; next = items.next()) yield f(next.value);
}
