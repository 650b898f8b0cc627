/**
 * Progress of a long fold or load: a redrawn bar on a terminal, plain lines (every 10 %)
 * when the output is a file or a pipe.
 */
export class Progress {
  private lastDecile = -1;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total: number): void {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    if (this.out.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      const rate = done / Math.max(0.001, (Date.now() - this.started) / 1000);
      this.out.write(
        `\r${this.label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done}/${total} (${rate.toFixed(0)}/s)`,
      );
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile > this.lastDecile) {
        this.lastDecile = decile;
        this.out.write(`${this.label}: ${decile * 10}% (${done}/${total})\n`);
      }
    }
  }

  done(summary: string): void {
    if (this.out.isTTY) this.out.write('\n');
    this.out.write(`${this.label}: ${summary} in ${((Date.now() - this.started) / 1000).toFixed(1)} s\n`);
  }
}
