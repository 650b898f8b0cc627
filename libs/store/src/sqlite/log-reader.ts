import { Worker } from 'node:worker_threads';
import type { LogPosition, StoredEvent } from '../event-store.port';

/** Pages the reading thread keeps ready ahead of the fold: enough to keep both cores busy, a few MB. */
const AHEAD = 4;

/**
 * One page of the log as one JSON array of stored events, made by SQLite itself: the columns
 * `data` and `metadata` hold JSON already, so the page's text is theirs with the other columns
 * around them, and the reading thread never parses or copies an event in JavaScript.
 */
const PAGE_SQL = `
  SELECT '[' || group_concat(row, ',' ORDER BY position) || ']' AS text, max(position) AS last FROM (
    SELECT position, '{"position":' || position || ',"stream":' || json_quote(stream) || ',"revision":' || revision
      || ',"eventId":' || json_quote(event_id) || ',"type":' || json_quote(type)
      || ',"data":' || data || ',"metadata":' || metadata || '}' AS row
    FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?
  )`;

/**
 * The reading thread: its own read-only connection to the file, sending one page per credit the
 * reader gives it. It runs as its own script, so it is written in the JavaScript it runs as.
 */
const READING_THREAD = `
  const { parentPort, workerData } = require('node:worker_threads');
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const page = db.prepare(workerData.sql);
  let after = workerData.after;
  let credit = workerData.ahead;
  let done = false;
  const send = () => {
    while (credit > 0 && !done) {
      const { text, last } = page.get(after, workerData.to, workerData.pageSize);
      credit -= 1;
      if (last === null) {
        done = true;
        db.close();
        parentPort.postMessage(null);
      } else {
        after = last;
        parentPort.postMessage(text);
      }
    }
  };
  parentPort.on('message', () => {
    credit += 1;
    send();
  });
  send();
`;

/**
 * The log after `after` up to `to`, read by a thread of its own while the caller folds: SQLite's
 * reading and the page's assembly run on the other core, and this thread only parses each page's
 * text, one `JSON.parse` a page. Every page holds whole events in position order; stopping early
 * stops the thread.
 */
export async function* readLogOnThread(
  file: string,
  after: LogPosition,
  to: LogPosition,
  pageSize: number,
): AsyncGenerator<StoredEvent[]> {
  const worker = new Worker(READING_THREAD, {
    eval: true,
    workerData: { driver: require.resolve('better-sqlite3'), file, after, to, pageSize, sql: PAGE_SQL, ahead: AHEAD },
  });
  const pages: (string | null)[] = [];
  let failure: unknown;
  let wake: (() => void) | undefined;
  worker.on('message', (page: string | null) => {
    pages.push(page);
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the log's reading thread stopped (exit code ${code})`);
    wake?.();
  });
  try {
    for (;;) {
      while (!pages.length && failure === undefined) await new Promise<void>((resolve) => (wake = resolve));
      const page = pages.shift();
      if (page === null) return;
      if (page === undefined) throw failure;
      worker.postMessage(0);
      yield JSON.parse(page) as StoredEvent[];
    }
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
}
