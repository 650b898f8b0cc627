/** How long a disconnected client's private replay waits for it to resume. */
const RESUME_GRACE_MS = 60_000;

/** Replays of clients that dropped, each stopped unless its client resumes it in time. */
export class ResumeGrace {
  private readonly waiting = new Map<string, NodeJS.Timeout>();

  hold(sessionId: string, expire: () => void): void {
    this.release(sessionId);
    const timer = setTimeout(() => {
      this.waiting.delete(sessionId);
      expire();
    }, RESUME_GRACE_MS);
    this.waiting.set(sessionId, timer.unref());
  }

  release(sessionId: string): void {
    clearTimeout(this.waiting.get(sessionId));
    this.waiting.delete(sessionId);
  }

  clear(): void {
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }
}
