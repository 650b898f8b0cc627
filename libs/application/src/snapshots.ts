import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EventStore } from '@timeline/store';
import { SNAPSHOT_FORMAT, TimelineViews, type SnapshotLine, type ViewsCapture } from '@timeline/views';
import { DamagedFile, JsonLinesWriter, readJsonLines, writeJsonLines } from './snapshot-file';

/** The first line of a snapshot: which format, and the log position and event it stands at. */
interface SnapshotHeader {
  kind: 'header';
  format: number;
  position: number;
  lastEventId: string;
}

/** Where a snapshot stands: the log position of the views and the id of the event there. */
export interface SnapshotAt {
  position: number;
  lastEventId: string;
}

/**
 * The read models written to a file with the log position they stand at, so a restart resumes
 * from there instead of refolding the whole log. The file closes with a checksum of its bytes
 * (snapshot-file.ts) and is replaced atomically. This writes it at once, nothing else running
 * meanwhile; `SnapshotWriter` writes it while the service goes on.
 */
export function saveSnapshot(views: TimelineViews, at: SnapshotAt, file: string): { position: number; bytes: number } {
  const bytes = writeJsonLines(file, withHeader(at, views.toSnapshot()));
  return { position: at.position, bytes };
}

/** A snapshot written: where it stands, and how long its writing held the main thread (its slices and the last flush). */
export interface SnapshotWritten {
  position: number;
  bytes: number;
  ms: number;
}

/** How long a slice of a background write may hold the main thread. */
const SLICE_MS = 8;

/**
 * Snapshots written while the service goes on folding and serving. `begin` captures the views
 * (a copy of the catalog and of the claims' list: milliseconds at a million claims), then their
 * lines are written a slice of a few milliseconds at a time between the service's other work, the
 * file is flushed to disk off the main thread and only then replaces the last one. Written at
 * once, a snapshot of a million claims held every request for its whole writing (over ten
 * seconds here). A write whose capture went stale is dropped; the next one captures again.
 */
export class SnapshotWriter {
  private writing: Promise<SnapshotWritten | undefined> | undefined;
  /** Set by `finishBy`: the write under way no longer yields, and is dropped if not done by then (performance.now() ms). */
  private deadline: number | undefined;
  /** The last snapshot on disk, written by this writer or found at start. */
  last: SnapshotWritten | undefined;

  constructor(
    private readonly file: string,
    private readonly warn: (message: string) => void,
    last?: { position: number },
  ) {
    this.last = last && { position: last.position, bytes: 0, ms: 0 };
    removeLeftOvers(file);
  }

  /** Starts writing the views as they stand, unless a write is under way; settles when it is in place (undefined: dropped). */
  begin(views: TimelineViews, lastEventId: string): Promise<SnapshotWritten | undefined> {
    this.writing ??= this.write(views.capture(), lastEventId).finally(() => {
      this.writing = undefined;
      this.deadline = undefined;
    });
    return this.writing;
  }

  /**
   * Ends the write under way without yielding any more to other work — for a stop, the views no
   * longer changing — or drops it if its lines are not all written by `deadline` (a
   * `performance.now()` instant). Settles when it is in place; undefined when none was under way
   * or it was dropped.
   */
  finishBy(deadline: number): Promise<SnapshotWritten | undefined> {
    if (!this.writing) return Promise.resolve(undefined);
    this.deadline = deadline;
    return this.writing;
  }

  /** Writes a snapshot of the views at once, as `saveSnapshot` does, and notes it as the last one. */
  writeNow(views: TimelineViews, lastEventId: string): SnapshotWritten {
    const t0 = performance.now();
    const { position, bytes } = saveSnapshot(views, { position: views.position, lastEventId }, this.file);
    return (this.last = { position, bytes, ms: performance.now() - t0 });
  }

  private async write(capture: ViewsCapture, lastEventId: string): Promise<SnapshotWritten | undefined> {
    const lines = withHeader({ position: capture.position, lastEventId }, capture.lines());
    let writer: JsonLinesWriter | undefined;
    let busy = 0;
    try {
      writer = new JsonLinesWriter(this.file);
      for (let done = false; !done;) {
        const started = performance.now();
        const until = this.deadline ?? started + SLICE_MS;
        let count = 0;
        do {
          const next = lines.next();
          if ((done = next.done === true)) break;
          writer.add(next.value);
          // the clock is read every 64 lines: a line is a claim's, microseconds to write
        } while (++count % 64 !== 0 || performance.now() < until);
        busy += performance.now() - started;
        if (capture.stale()) return this.drop(writer);
        if (!done && this.deadline !== undefined && performance.now() >= this.deadline) {
          this.warn(`snapshot ${this.file} at position ${capture.position} dropped: not written by the stop's deadline`);
          return this.drop(writer);
        }
        if (!done && this.deadline === undefined) await new Promise((resolve) => setImmediate(resolve));
      }
      const flushed = performance.now();
      const bytes = await writer.finishInBackground();
      busy += performance.now() - flushed;
      return (this.last = { position: capture.position, bytes, ms: busy });
    } catch (error) {
      writer?.abandon();
      this.warn(`snapshot ${this.file} at position ${capture.position} not written: ${String(error)}`);
      return undefined;
    }
  }

  private drop(writer: JsonLinesWriter): undefined {
    writer.abandon();
    return undefined;
  }
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

/** A snapshot's lines: the header, then the views' lines. */
function* withHeader(at: SnapshotAt, views: Iterable<SnapshotLine>): Generator<SnapshotHeader | SnapshotLine> {
  yield { kind: 'header', format: SNAPSHOT_FORMAT, ...at };
  yield* views;
}

/**
 * Removes the temporary files of writes that a process killed part way left beside `file`
 * (`<file>.<pid>.tmp`, the process no longer running): at a million claims each is most of a GB.
 */
function removeLeftOvers(file: string): void {
  const folder = dirname(file);
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^(\d+)\.tmp$/.exec(name.slice(prefix.length))?.[1]);
    if (!name.startsWith(prefix) || !Number.isInteger(pid) || pid === process.pid || running(pid)) continue;
    rmSync(join(folder, name), { force: true });
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
