import { existsSync } from 'node:fs';
import type { EventStore } from '@timeline/store';
import { SNAPSHOT_FORMAT, TimelineViews, type SnapshotLine } from '@timeline/views';
import { DamagedFile, readJsonLines, writeJsonLines } from './snapshot-file';

/** The first line of a snapshot: which format, and the log position and event it stands at. */
interface SnapshotHeader {
  kind: 'header';
  format: number;
  position: number;
  lastEventId: string;
}

/**
 * The read models written to a file with the log position they stand at, so a restart resumes
 * from there instead of refolding the whole log. The file closes with a checksum of its bytes
 * (snapshot-file.ts) and is replaced atomically.
 *
 * Writing is synchronous: the read models change with every event, and a snapshot must be of one
 * position, so nothing may apply an event while it is written.
 */
export function saveSnapshot(
  views: TimelineViews,
  at: { position: number; lastEventId: string },
  file: string,
): { position: number; bytes: number } {
  const header: SnapshotHeader = { kind: 'header', format: SNAPSHOT_FORMAT, ...at };
  const bytes = writeJsonLines(file, prepend(header, views.toSnapshot()));
  return { position: at.position, bytes };
}

/**
 * The views of a snapshot that matches the store, with the position they stand at; undefined
 * when there is no file or it cannot be used — written in another format, cut short, altered, or
 * taken of another store (it names an event the store does not hold at its position). An
 * unusable file is reported through `warn` and left in place for whoever wants to look at it;
 * the next snapshot replaces it. Views built from a file are returned only once its checksum has
 * been verified, so a damaged snapshot is never served.
 */
export async function restoreSnapshot(
  store: EventStore,
  file: string,
  warn: (message: string) => void,
): Promise<{ position: number; views: TimelineViews } | undefined> {
  if (!existsSync(file)) return undefined;
  const unusable = (why: string) => {
    warn(`snapshot ${file} not used, the log is folded from the start: ${why}`);
    return undefined;
  };
  const lines = readJsonLines(file);
  try {
    const header = lines.next().value as Partial<SnapshotHeader> | undefined;
    if (header?.kind !== 'header') return unusable('its first line is not a snapshot header');
    if (header.format !== SNAPSHOT_FORMAT)
      return unusable(`it is in format ${String(header.format)}, and this version reads format ${SNAPSHOT_FORMAT}`);
    if (typeof header.position !== 'number') return unusable('its header has no log position');
    const [atPosition] = await store.readAll(header.position - 1, 1);
    if (!atPosition || atPosition.position !== header.position || atPosition.eventId !== header.lastEventId)
      return unusable(`the store does not hold its event ${String(header.lastEventId)} at position ${header.position}`);
    // the lines this file's writer took from the views' own snapshot, read back in their order
    const views = TimelineViews.fromSnapshot(lines as Iterable<unknown> as Iterable<SnapshotLine>);
    // the checksum is checked when the last line has been read: views from a file read part way are not served
    if (!lines.next().done) return unusable('its views were restored before the end of the file');
    return { position: header.position, views };
  } catch (error) {
    return unusable(error instanceof DamagedFile ? error.message : `it could not be restored (${String(error)})`);
  } finally {
    lines.return(undefined);
  }
}

function* prepend<T, U>(first: T, rest: Iterable<U>): Generator<T | U> {
  yield first;
  yield* rest;
}
