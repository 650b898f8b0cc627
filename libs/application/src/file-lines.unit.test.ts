import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileLines } from './file-lines';

const dir = mkdtempSync(join(tmpdir(), 'file-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (lines: Iterable<Buffer>) => [...lines].map((line) => line.toString('utf8'));

describe('fileLines', () => {
  it('given a character whose bytes straddle two chunks, when read, then it comes back whole', () => {
    const file = join(dir, 'small-chunks.ndjson');
    const lines = ['{"quote":"Homs – 7 December"}\n', '{"name":"Hay\u02bcat Tahrir al-Sham"}\n', '{"place":"Ḥamāh – 😀"}\n'];
    writeFileSync(file, lines.join(''));
    // chunks of 7 bytes cut every multi-byte character somewhere
    expect(text(fileLines(file, 7))).toEqual(lines);
  });

  it('given an en dash across the 1 MiB boundary of the default chunk, when read, then no byte is lost', () => {
    const file = join(dir, 'one-mebibyte.ndjson');
    // the dash's three bytes start one byte before the first chunk ends
    const first = `{"pad":"${'x'.repeat((1 << 20) - 28)}"}\n`;
    const second = '{"quote":"Idlib – Aleppo"}\n';
    const bytes = Buffer.from(first + second);
    const dash = bytes.indexOf(Buffer.from('–'));
    expect(dash).toBeLessThan(1 << 20);
    expect(dash + 3).toBeGreaterThan(1 << 20);
    writeFileSync(file, bytes);
    expect(text(fileLines(file))).toEqual([first, second]);
  });

  it('given any bytes, when read in any chunk size, then the lines joined are the file byte for byte', () => {
    const file = join(dir, 'bytes.bin');
    const bytes = Buffer.from([0xe2, 0x80, 0x93, 0x0a, 0x0a, 0xff, 0x00, 0x0a, 0xf0, 0x9f, 0x98]);
    writeFileSync(file, bytes);
    for (const chunk of [1, 2, 3, 5, 64]) expect(Buffer.concat([...fileLines(file, chunk)])).toEqual(bytes);
  });

  it('given a last line without a newline, when read, then it is still read, without one', () => {
    const file = join(dir, 'no-final-newline.ndjson');
    writeFileSync(file, 'a\nb – c');
    expect(text(fileLines(file, 3))).toEqual(['a\n', 'b – c']);
  });

  it('given an empty file, when read, then there is no line', () => {
    const file = join(dir, 'empty.ndjson');
    writeFileSync(file, '');
    expect([...fileLines(file)]).toEqual([]);
  });
});
