import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * The lines of a file, read in chunks: a snapshot can be larger than one string may be. The
 * decoder keeps a character whose bytes straddle two chunks until its last byte is read.
 */
export function* fileLines(file: string, chunkBytes = 1 << 20): Generator<string, undefined> {
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(chunkBytes);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      const lines = (rest + decoder.write(chunk.subarray(0, read))).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line) yield line;
    }
    rest += decoder.end();
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
  return undefined;
}
