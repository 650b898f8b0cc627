import { createHash } from 'node:crypto';
import { closeSync, fsync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { dirname } from 'node:path';
import { fileLines } from './file-lines';

/** The last line of the file: how many bytes come before it, and their SHA-256. */
interface Trailer {
  kind: 'trailer';
  bytes: number;
  sha256: string;
}

/** A file that is not what `writeJsonLines` wrote: cut short, altered or appended to. */
export class DamagedFile extends Error {}

/**
 * Writes one JSON value a line, closed by a trailer line holding the byte count and SHA-256 of
 * every line before it, so a reader can tell a whole file from one cut short (even at a line's
 * end), altered or appended to. The file is replaced whole or not at all: the lines go to a
 * temporary file of this process (two processes sharing the folder never write into one), which
 * is flushed to disk, renamed over the old file, and the folder flushed so the rename survives a
 * power cut. Answers the bytes written before the trailer.
 */
export function writeJsonLines(file: string, lines: Iterable<unknown>): number {
  const writer = new JsonLinesWriter(file);
  try {
    for (const line of lines) writer.add(line);
  } catch (error) {
    writer.abandon();
    throw error;
  }
  return writer.finish();
}

/**
 * A file of JSON lines written a line at a time, as `writeJsonLines` writes it: to a temporary
 * file, replacing `file` only when finished. Lines are written out a MiB at a time.
 */
export class JsonLinesWriter {
  private readonly temporary: string;
  private readonly fd: number;
  private readonly digest = createHash('sha256');
  private bytes = 0;
  private buffer = '';
  private closed = false;

  constructor(readonly file: string) {
    // a process writes one snapshot at a time: a second writer of it replaces the first one's temporary file
    this.temporary = `${file}.${process.pid}.tmp`;
    this.fd = openSync(this.temporary, 'w');
  }

  add(line: unknown): void {
    this.buffer += `${JSON.stringify(line)}\n`;
    if (this.buffer.length > 1 << 20) this.flush();
  }

  /** Writes the trailer, flushes the file to disk and puts it in place; answers the bytes before the trailer. */
  finish(): number {
    this.seal();
    this.unlessFailing(() => fsyncSync(this.fd));
    return this.replace();
  }

  /** As `finish`, the flush to disk made off the main thread, which goes on serving meanwhile. */
  async finishInBackground(): Promise<number> {
    this.seal();
    try {
      await promisify(fsync)(this.fd);
    } catch (error) {
      this.abandon();
      throw error;
    }
    return this.replace();
  }

  /** Drops the temporary file: the file in place is left as it was. */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.temporary, { force: true });
  }

  private flush(): void {
    const chunk = Buffer.from(this.buffer, 'utf8');
    this.digest.update(chunk);
    writeAll(this.fd, chunk);
    this.bytes += chunk.length;
    this.buffer = '';
  }

  private seal(): void {
    this.unlessFailing(() => {
      this.flush();
      const trailer: Trailer = { kind: 'trailer', bytes: this.bytes, sha256: this.digest.digest('hex') };
      writeAll(this.fd, Buffer.from(`${JSON.stringify(trailer)}\n`, 'utf8'));
    });
  }

  /** Runs `step`; if it throws, the temporary file goes and the error is thrown on. */
  private unlessFailing<T>(step: () => T): T {
    try {
      return step();
    } catch (error) {
      this.abandon();
      throw error;
    }
  }

  private replace(): number {
    if (this.closed) throw new Error(`the snapshot of ${this.file} was abandoned before it was put in place`);
    this.closed = true;
    closeSync(this.fd);
    renameSync(this.temporary, this.file);
    syncFolder(dirname(this.file));
    return this.bytes;
  }
}

/**
 * The values of a file written by `writeJsonLines`, parsed as they are read, the trailer left
 * out. The first value comes as soon as its line is read, so a reader can judge a header before
 * reading on; the trailer is checked after the last line, so what a reader builds from the values
 * is sound only once the generator has ended. Throws `DamagedFile` naming what is wrong.
 */
export function* readJsonLines(file: string): Generator<unknown, undefined> {
  const digest = createHash('sha256');
  let bytes = 0;
  let count = 0;
  const take = (line: Buffer): unknown => {
    digest.update(line);
    bytes += line.length;
    count += 1;
    return parseLine(line, count);
  };
  // every line but the last is data; the last is the trailer, known as last only when the file ends
  let last: Buffer | undefined;
  for (const line of fileLines(file)) {
    if (count === 0) {
      yield take(line);
      continue;
    }
    if (last) yield take(last);
    last = line;
  }
  if (count === 0) throw new DamagedFile('the file is empty');
  if (!last) throw new DamagedFile(`it ends after its first line, at byte ${bytes}, without a trailer: it was cut short`);
  checkTrailer(last, bytes, digest.digest('hex'));
  return undefined;
}

function parseLine(line: Buffer, number: number): unknown {
  const text = line.toString('utf8', 0, line.at(-1) === NEWLINE ? line.length - 1 : line.length);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DamagedFile(`line ${number} is not JSON`);
  }
  if (isTrailer(value)) throw new DamagedFile(`line ${number} is a trailer, yet more follows it: something was appended`);
  return value;
}

function checkTrailer(line: Buffer, bytes: number, sha256: string): void {
  const end = bytes + line.length;
  if (line.at(-1) !== NEWLINE) throw new DamagedFile(`it ends inside a line, at byte ${end}: it was cut short or appended to`);
  let trailer: unknown;
  try {
    trailer = JSON.parse(line.toString('utf8', 0, line.length - 1));
  } catch {
    trailer = undefined;
  }
  if (!isTrailer(trailer))
    throw new DamagedFile(`its last line, ending at byte ${end}, is not a trailer: it was cut short or appended to`);
  if (trailer.bytes !== bytes)
    throw new DamagedFile(`its trailer counts ${trailer.bytes} bytes before it, the file holds ${bytes}`);
  if (trailer.sha256 !== sha256)
    throw new DamagedFile(`the SHA-256 of its ${bytes} bytes is not the one its trailer records: it was altered`);
}

const NEWLINE = 0x0a;

function isTrailer(value: unknown): value is Trailer {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'trailer';
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset);
}

function syncFolder(folder: string): void {
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
