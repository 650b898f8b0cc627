import { describe, expect, it } from 'vitest';
import { Progress } from '../../apps/cli/src/progress';

function output(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, write: (text: string) => written.push(text), text: () => written.join('') };
}

describe('Progress', () => {
  it('given updates that jump from 50 % to 90 %, when piped, then it prints a line at every tenth, each once', () => {
    const out = output(false);
    const progress = new Progress('rebuild', out);
    for (const done of [0, 120, 250, 250, 500, 900, 1000, 1000]) progress.update(done, 1000);
    progress.done('folded');
    const lines = out.text().trimEnd().split('\n');
    expect(lines.slice(0, -1)).toEqual([
      'rebuild: 10% (120/1000)',
      'rebuild: 20% (250/1000)',
      'rebuild: 30%',
      'rebuild: 40%',
      'rebuild: 50% (500/1000)',
      'rebuild: 60%',
      'rebuild: 70%',
      'rebuild: 80%',
      'rebuild: 90% (900/1000)',
      'rebuild: 100% (1000/1000)',
    ]);
    expect(lines.at(-1)).toMatch(/^rebuild: folded in \d+\.\d s$/);
  });

  it('given one update that is already the end, when piped, then every tenth is still printed once', () => {
    const out = output(false);
    new Progress('load', out).update(7, 7);
    expect([...out.text().matchAll(/^load: (\d+)%/gm)].map((m) => Number(m[1]))).toEqual([
      10, 20, 30, 40, 50, 60, 70, 80, 90, 100,
    ]);
  });

  it('given nothing to do, when piped, then it prints only the end', () => {
    const out = output(false);
    new Progress('rebuild', out).update(0, 0);
    expect(out.text()).toBe('rebuild: 100% (0/0)\n');
  });

  it('given a terminal, when it jumps, then the same tenths are drawn in place on one line, closed by the summary', () => {
    const out = output(true);
    const progress = new Progress('load', out);
    for (const done of [0, 500, 900, 1000]) progress.update(done, 1000);
    progress.done('982 stored');
    const text = out.text();
    const drawn = text.split('\r').filter(Boolean);
    expect(drawn.map((d) => /(\d+)%/.exec(d)?.[1])).toEqual(['10', '20', '30', '40', '50', '60', '70', '80', '90', '100']);
    // each drawing clears the line first
    expect(drawn.every((d) => d.startsWith('\x1b[2K'))).toBe(true);
    expect(drawn.at(-1)?.slice('\x1b[2K'.length)).toMatch(/^load \[#{30}\] 100% \(1000\/1000, \d+\/s\)\nload: 982 stored in/);
    expect(text.slice(0, text.lastIndexOf('\nload: 982 stored'))).not.toContain('\n');
  });
});
