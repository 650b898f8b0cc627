import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DamagedFile, readJsonLines, writeJsonLines } from './snapshot-file';

const dir = mkdtempSync(join(tmpdir(), 'snapshot-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LINES = [
  { kind: 'header', position: 3 },
  { name: 'حلب', alias: 'Ḥalab', quote: '“Aleppo – taken” 😀', combining: 'Hama\u0304' },
  { name: 'Dayr az-Zawr', empty: '', lone: '\ud800', separators: '\u2028\u2029\u0000' },
];

/** What reading the file gives: its values, or the damage it reports. */
function read(file: string): unknown[] | string {
  try {
    return [...readJsonLines(file)];
  } catch (error) {
    if (error instanceof DamagedFile) return `damaged: ${error.message}`;
    throw error;
  }
}

/** Any code point, lone surrogates included: a JavaScript string may hold one. */
const anyText = fc.string({
  unit: fc
    .oneof(fc.integer({ min: 0, max: 0x10ffff }), fc.integer({ min: 0xd800, max: 0xdfff }))
    .map((c) => String.fromCodePoint(c)),
});

describe('writeJsonLines and readJsonLines', () => {
  it('given any text, when written and read back, then every value comes back as it was', () => {
    const file = join(dir, 'any-text.ndjson');
    fc.assert(
      fc.property(fc.array(fc.dictionary(anyText, anyText), { minLength: 1 }), (values) => {
        writeJsonLines(file, values);
        expect(read(file)).toEqual(values);
      }),
      { numRuns: 50 },
    );
  });

  it('given a written file, when read, then its trailer is left out and no temporary file stays behind', () => {
    const file = join(dir, 'plain.ndjson');
    const bytes = writeJsonLines(file, LINES);
    expect(read(file)).toEqual(LINES);
    const last = readFileSync(file, 'utf8').trimEnd().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({ kind: 'trailer', bytes });
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('given a file cut at any byte, when read, then it is reported damaged', () => {
    const file = join(dir, 'cut.ndjson');
    writeJsonLines(file, LINES);
    const whole = readFileSync(file);
    for (let length = 0; length < whole.length; length++) {
      writeFileSync(file, whole.subarray(0, length));
      expect(read(file), `cut at ${length}`).toMatch(/^damaged: /);
    }
  });

  it('given a file cut at the end of a line, when read, then it is reported cut short', () => {
    const file = join(dir, 'cut-at-line.ndjson');
    writeJsonLines(file, LINES);
    const whole = readFileSync(file);
    for (let end = whole.indexOf(0x0a); end !== -1 && end < whole.length - 1; end = whole.indexOf(0x0a, end + 1)) {
      writeFileSync(file, whole);
      truncateSync(file, end + 1);
      expect(read(file), `cut after byte ${end}`).toMatch(/^damaged: .*cut short/);
    }
  });

  it('given one bit changed in any byte, when read, then it is reported damaged', () => {
    const file = join(dir, 'flipped.ndjson');
    writeJsonLines(file, LINES);
    const whole = readFileSync(file);
    for (let at = 0; at < whole.length; at++) {
      const altered = Buffer.from(whole);
      altered[at] = (altered[at] ?? 0) ^ 0x01;
      writeFileSync(file, altered);
      expect(read(file), `byte ${at} changed`).toMatch(/^damaged: /);
    }
  });

  it('given something appended, when read, then it is reported damaged', () => {
    for (const junk of ['x', '\n', '{"kind":"claim"}\n', '{"kind":"trailer","bytes":0,"sha256":""}\n']) {
      const file = join(dir, 'appended.ndjson');
      writeJsonLines(file, LINES);
      appendFileSync(file, junk);
      expect(read(file), JSON.stringify(junk)).toMatch(/^damaged: /);
    }
  });

  it('given an empty file, when read, then it is reported empty', () => {
    const file = join(dir, 'empty.ndjson');
    writeFileSync(file, '');
    expect(read(file)).toBe('damaged: the file is empty');
  });
});
