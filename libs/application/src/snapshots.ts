import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { EventStore } from '@timeline/store';
import { SNAPSHOT_FORMAT, TimelineViews, type SnapshotLine } from '@timeline/views';
import { fileLines } from './file-lines';

/** The first line of a snapshot: which format, and the log position and event it stands at. */
interface SnapshotHeader {
  kind: 'header';
  format: number;
  position: number;
  lastEventId: string;
}

/**
 * The read models written to a file with the log position they stand at, so a restart resumes
 * from there instead of refolding the whole log. A snapshot names the id of the event at its
 * position: if the store no longer holds that event there (another store, a reset file), the
 * snapshot is ignored and the log is folded from the start.
 *
 * Writing is synchronous: the read models change with every event, and a snapshot must be of one
 * position, so nothing may apply an event while it is written.
 */
export function saveSnapshot(
  views: TimelineViews,
  at: { position: number; lastEventId: string },
  file: string,
): { position: number; bytes: number } {
  const temporary = `${file}.tmp`;
  const fd = openSync(temporary, 'w');
  let bytes = 0;
  let buffer = '';
  const write = (line: SnapshotHeader | SnapshotLine) => {
    buffer += `${JSON.stringify(line)}\n`;
    if (buffer.length > 1 << 20) flush();
  };
  const flush = () => {
    bytes += writeSync(fd, buffer);
    buffer = '';
  };
  try {
    write({ kind: 'header', format: SNAPSHOT_FORMAT, ...at });
    for (const line of views.toSnapshot()) write(line);
    flush();
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  return { position: at.position, bytes };
}

/** The views of a snapshot that matches the store, with the position they stand at; undefined when there is none. */
export async function restoreSnapshot(
  store: EventStore,
  file: string,
): Promise<{ position: number; views: TimelineViews } | undefined> {
  if (!existsSync(file)) return undefined;
  try {
    const lines = fileLines(file);
    // our own file, checked below against its format and the store's event at its position
    const header = JSON.parse(lines.next().value ?? '{}') as Partial<SnapshotHeader>;
    if (header.kind !== 'header' || header.format !== SNAPSHOT_FORMAT || header.position === undefined) return undefined;
    const [atPosition] = await store.readAll(header.position - 1, 1);
    if (!atPosition || atPosition.position !== header.position || atPosition.eventId !== header.lastEventId) return undefined;
    const views = TimelineViews.fromSnapshot(map(lines, (l) => JSON.parse(l) as SnapshotLine));
    return { position: header.position, views };
  } catch {
    rmSync(file, { force: true });
    return undefined;
  }
}

function* map<T, U>(items: Iterator<T>, f: (item: T) => U): Generator<U> {
  for (let next = items.next(); !next.done; next = items.next()) yield f(next.value);
}
