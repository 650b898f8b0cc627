import { closeSync, openSync, readSync } from 'node:fs';

const NEWLINE = 0x0a;

/**
 * The lines of a file as bytes, each with its newline, read in chunks: a snapshot can be larger
 * than one string may be. Lines are cut at the newline byte, which never occurs inside a UTF-8
 * multi-byte character, so a character whose bytes straddle two chunks stays whole; and a line's
 * bytes are exactly the file's, so a reader can hash them. A last line without a newline is
 * yielded without one: that is how a reader tells a file cut short.
 */
export function* fileLines(file: string, chunkBytes = 1 << 20): Generator<Buffer, undefined> {
  const fd = openSync(file, 'r');
  let pending: Buffer[] = [];
  try {
    for (;;) {
      // a new chunk each time: the lines yielded are views into it, and a reader may keep one
      const chunk = Buffer.allocUnsafe(chunkBytes);
      const data = chunk.subarray(0, readSync(fd, chunk, 0, chunkBytes, null));
      if (data.length === 0) break;
      let start = 0;
      for (let end = data.indexOf(NEWLINE); end !== -1; end = data.indexOf(NEWLINE, start)) {
        const line = data.subarray(start, end + 1);
        yield pending.length ? Buffer.concat([...pending, line]) : line;
        pending = [];
        start = end + 1;
      }
      if (start < data.length) pending.push(data.subarray(start));
    }
    if (pending.length) yield Buffer.concat(pending);
  } finally {
    closeSync(fd);
  }
  return undefined;
}
