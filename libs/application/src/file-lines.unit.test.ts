import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileLines } from './file-lines';

const dir = mkdtempSync(join(tmpdir(), 'file-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fileLines', () => {
  it('given a character whose bytes straddle two chunks, when read, then it comes back whole', () => {
    const file = join(dir, 'small-chunks.ndjson');
    const lines = ['{"quote":"Homs – 7 December"}', '{"name":"Hay\u02bcat Tahrir al-Sham"}', '{"place":"Ḥamāh – 😀"}'];
    writeFileSync(file, `${lines.join('\n')}\n`);
    // chunks of 7 bytes cut every multi-byte character somewhere
    expect([...fileLines(file, 7)]).toEqual(lines);
  });

  it('given an en dash across the 1 MiB boundary of the default chunk, when read, then no byte is lost', () => {
    const file = join(dir, 'one-mebibyte.ndjson');
    // the dash's three bytes start one byte before the first chunk ends
    const first = `{"pad":"${'x'.repeat((1 << 20) - 28)}"}`;
    const second = '{"quote":"Idlib – Aleppo"}';
    const bytes = Buffer.from(`${first}\n${second}\n`);
    const dash = bytes.indexOf(Buffer.from('–'));
    expect(dash).toBeLessThan(1 << 20);
    expect(dash + 3).toBeGreaterThan(1 << 20);
    writeFileSync(file, bytes);
    expect([...fileLines(file)]).toEqual([first, second]);
  });

  it('given a last line without a newline, when read, then it is still read', () => {
    const file = join(dir, 'no-final-newline.ndjson');
    writeFileSync(file, 'a\nb – c');
    expect([...fileLines(file, 3)]).toEqual(['a', 'b – c']);
  });
});
