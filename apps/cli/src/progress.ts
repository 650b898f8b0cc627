/** Where progress is written: a terminal redraws its line, anything else keeps every line. */
export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

const STEPS = 10;

/**
 * Progress of a long fold or load, in steps of 10 %: each step shown once and in order, even
 * when an update jumps over some (a step passed over is shown without a count, since the count
 * was never at it). On a terminal each step redraws one line; piped or redirected, each is a line.
 */
export class Progress {
  private shown = 0;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly out: ProgressOutput = process.stderr,
  ) {}

  update(done: number, total: number): void {
    // nothing to do is done at once: one step, not ten
    if (total <= 0) this.shown = Math.max(this.shown, STEPS - 1);
    const reached = total > 0 ? Math.min(STEPS, Math.floor((done / total) * STEPS)) : STEPS;
    while (this.shown < reached) {
      this.shown += 1;
      this.show(this.shown * (100 / STEPS), this.shown === reached ? { done, total } : undefined);
    }
  }

  done(summary: string): void {
    if (this.out.isTTY && this.shown > 0) this.out.write('\n');
    this.out.write(`${this.label}: ${summary} in ${this.seconds().toFixed(1)} s\n`);
  }

  private show(percent: number, count: { done: number; total: number } | undefined): void {
    if (!this.out.isTTY) {
      this.out.write(`${this.label}: ${percent}%${count ? ` (${count.done}/${count.total})` : ''}\n`);
      return;
    }
    const filled = Math.round((percent / 100) * 30);
    const rate = (done: number) => (done / Math.max(0.001, this.seconds())).toFixed(0);
    const counted = count ? ` (${count.done}/${count.total}, ${rate(count.done)}/s)` : '';
    // clear the line first: a step's text can be shorter than the one before
    this.out.write(
      `\r\x1b[2K${this.label} [${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${String(percent).padStart(3)}%${counted}`,
    );
  }

  private seconds(): number {
    return (Date.now() - this.started) / 1000;
  }
}
