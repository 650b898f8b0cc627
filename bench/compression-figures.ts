import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * How long brotli takes at qualities 4, 5 and 11 (and gzip at its default level) on a JSON
 * answer, and the share of the JSON each leaves: the figures behind the quality the views are
 * kept at. Usage: node dist/bench/compression-figures.js <answer.json> [runs]
 */
const [file, runsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: node dist/bench/compression-figures.js <answer.json> [runs]');
const json = readFileSync(file);
const runs = Number(runsArg ?? 5);

function report(label: string, compress: () => Buffer): void {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    size = compress().length;
    times.push(performance.now() - started);
  }
  const median = times.sort((a, b) => a - b)[Math.floor(runs / 2)] ?? 0;
  const share = ((100 * size) / json.length).toFixed(1);
  console.log(`${label}: median ${median.toFixed(1)} ms, ${size} bytes, ${share} % of ${json.length}`);
}

for (const quality of [4, 5, 11]) {
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: quality,
    [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    [constants.BROTLI_PARAM_SIZE_HINT]: json.length,
  };
  report(`br quality ${quality}`, () => brotliCompressSync(json, { params }));
}
report('gzip level 6', () => gzipSync(json));
