import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from './server-process';

/**
 * Where a `--cpu-prof` profile spent its time: the functions with the most self time, and the
 * share of the project's own code, of node_modules and of Node itself (GC, I/O, the runtime).
 * Usage: node dist/bench/profile-summary.js <file.cpuprofile> [top]
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: node dist/bench/profile-summary.js <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
const areas = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const where = url.startsWith('file://') ? relative(ROOT, url.slice(7)) : url;
  const name = `${functionName || '(anonymous)'} ${where ? `${where}:${lineNumber + 1}` : ''}`.trim();
  self.set(name, (self.get(name) ?? 0) + dt);
  const dependency = /node_modules\/([^/]*)/.exec(where)?.[1];
  const area = !url
    ? functionName.startsWith('(')
      ? functionName
      : '(native)'
    : dependency !== undefined
      ? `node_modules/${dependency}`
      : url.startsWith('node:')
        ? 'node internals'
        : where.split('/').slice(0, 3).join('/');
  areas.set(area, (areas.get(area) ?? 0) + dt);
});
const pct = (v: number) => `${((v / total) * 100).toFixed(1).padStart(5)} %`;
console.log(`${(total / 1e6).toFixed(1)} s sampled in ${file}\n\nby area:`);
for (const [area, t] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${pct(t)}  ${area}`);
console.log('\nby function (self time):');
for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg ?? 20))) console.log(`${pct(t)}  ${name}`);
