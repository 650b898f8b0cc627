import type { AuditWords } from './audit-list';
import { byId, html } from './dom';
import type { PastViews } from './past-views';
import type { Names } from './place-story';
import type { CampaignClock } from './time';
import type { AuditOrder } from './types';

/** At most how often an open subject of the hour is drawn again while the replay moves. */
const FOLLOW_EVERY_MS = 1000;

export interface DetailContext extends AuditWords {
  campaignId: string;
  clock: CampaignClock;
  knownAt?: string;
  operation?: string;
  /** The end of the hour on screen: the instant whose state an audit explains. */
  until: string;
  /** Set when the replay shows the hour as reported at the time: the map's states are those reported by `until`. */
  reportedBy?: string;
  names: Names;
  /** The order audits are shown in: the reader's choice, else report order in a replay as reported. */
  order: AuditOrder;
}

/** One drawing of a subject: where it goes, and loads whose answers are dropped once a newer drawing starts. */
export interface Showing {
  /** The panel's title and the line under it. */
  heading(title: string, subtitle: string): void;
  body: HTMLElement;
  load<T>(get: () => Promise<T>): Promise<T | undefined>;
}

/** What the panel shows: a place, an audit, what the world learned later. */
export interface Subject {
  /** Whether it speaks of the hour on screen, and so is drawn again whenever that hour moves. */
  readonly ofTheHour: boolean;
  /** How many views of the past (asked with `knownAt` or `reportedBy`) one drawing asks for. */
  pastViews(ctx: DetailContext): number;
  draw(ctx: DetailContext, shown: Showing): Promise<void>;
}

/**
 * The side panel. It shows one subject; a subject of the hour on screen follows the replay: drawn
 * again when the hour moves, at most once a second and when the views of the past it asks for fit
 * in the service's budget, one drawing at a time, the panel keeping the last complete drawing
 * until the next is ready. A drawing overtaken by a newer one never reaches the screen.
 */
export class Details {
  private readonly panel = byId('details');
  private readonly body = byId('details-body');
  private readonly title = byId('details-title');
  /** Counts the drawings started, so a late answer for an earlier one is dropped. */
  private drawings = 0;
  private subject: Subject | undefined;
  /** The context of the hour on screen, and that of the drawing on screen or under way. */
  private latest: DetailContext | undefined;
  private drawnFor: string | undefined;
  private drawing = false;
  private lastDrawn = -Infinity;
  private timer: number | undefined;

  /** Told when the reader closes the panel (not when a new subject replaces the old). */
  onClose: () => void = () => undefined;

  constructor(private readonly pastViews: PastViews) {
    byId('details-close').addEventListener('click', () => this.dismiss());
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.panel.hidden) this.dismiss();
    });
  }

  /** The reader closed the panel: its subject is no longer chosen. */
  private dismiss(): void {
    this.close();
    this.onClose();
  }

  close(): void {
    this.panel.hidden = true;
    this.subject = undefined;
    this.drawings++;
    this.drawing = false;
    window.clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Opens the panel on a subject, drawn at once for `ctx`, and brings it into view with the focus
   * on its title: opened from far down the page (the casualty chart), it would be out of sight.
   */
  show(subject: Subject, ctx: DetailContext): Promise<void> {
    this.latest = ctx;
    const drawn = this.draw(subject, ctx, true);
    this.panel.scrollIntoView({ block: 'nearest' });
    this.title.tabIndex = -1;
    this.title.focus({ preventScroll: true });
    return drawn;
  }

  /** Draws the subject open again, at once, for the hour on screen: when how it is shown changed. */
  redraw(ctx: DetailContext): Promise<void> {
    this.latest = ctx;
    return this.subject ? this.draw(this.subject, ctx, false) : Promise.resolve();
  }

  /** The hour on screen, or how it is shown, moved: a subject of the hour is drawn again, paced. */
  follow(ctx: DetailContext): void {
    this.latest = ctx;
    const subject = this.subject;
    if (!subject?.ofTheHour || this.drawing || this.timer !== undefined || keyOf(ctx) === this.drawnFor) return;
    const now = performance.now();
    const cost = subject.pastViews(ctx);
    // evenly paced, rather than a burst of drawings and then a wait for the budget
    const every = Math.max(FOLLOW_EVERY_MS, this.pastViews.spacing(cost));
    const wait = Math.max(this.lastDrawn + every - now, this.pastViews.waitFor(cost, now));
    this.timer = window.setTimeout(
      () => {
        this.timer = undefined;
        const latest = this.latest;
        if (this.subject !== subject || !latest || keyOf(latest) === this.drawnFor) return;
        // the hour may have moved to one that asks for more views of the past
        if (this.pastViews.waitFor(subject.pastViews(latest), performance.now()) > 0) return this.follow(latest);
        void this.draw(subject, latest, false);
      },
      Math.max(0, wait),
    );
  }

  /**
   * One drawing of a subject. A fresh one replaces the panel's content at once; a drawing again
   * is made aside and takes the panel's place only when complete, or, if a load failed, leaves
   * the panel as it was with the failure said on top.
   */
  private async draw(subject: Subject, ctx: DetailContext, fresh: boolean): Promise<void> {
    const run = ++this.drawings;
    const current = () => run === this.drawings;
    this.subject = subject;
    this.drawnFor = keyOf(ctx);
    this.drawing = true;
    this.lastDrawn = performance.now();
    this.pastViews.spend(subject.pastViews(ctx), this.lastDrawn);
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.panel.hidden = false;
    const body = fresh ? this.body : html('div');
    if (fresh) {
      body.replaceChildren();
      this.body.dataset.until = ctx.until;
    }
    let title = '';
    let failed = false;
    const shown: Showing = {
      heading: (text, subtitle) => {
        title = text;
        if (fresh) this.title.textContent = text;
        body.prepend(html('p', { class: 'subtitle' }, subtitle));
      },
      body,
      async load<T>(get: () => Promise<T>): Promise<T | undefined> {
        try {
          const answer = await get();
          return current() ? answer : undefined;
        } catch (error) {
          failed = true;
          if (current()) body.append(html('p', { class: 'error', role: 'alert' }, String((error as Error).message)));
          return undefined;
        }
      },
    };
    try {
      await subject.draw(ctx, shown);
    } finally {
      if (current()) this.drawing = false;
    }
    if (!current()) return;
    if (!fresh && failed) {
      this.drawnFor = undefined;
      this.body.querySelector('.follow-error')?.remove();
      const error = body.querySelector('.error')?.textContent ?? '';
      this.body.prepend(
        html(
          'p',
          { class: 'error follow-error', role: 'alert' },
          `Not yet updated for ${ctx.clock.instant(ctx.until)}: ${error}`,
        ),
      );
    } else if (!fresh) {
      this.title.textContent = title;
      this.body.dataset.until = ctx.until;
      const open = new Set([...this.body.querySelectorAll('details[open]')].map((d) => d.className));
      this.body.replaceChildren(...body.childNodes);
      for (const d of this.body.querySelectorAll('details')) if (open.has(d.className)) d.open = true;
    }
    if (this.latest && keyOf(this.latest) !== this.drawnFor) this.follow(this.latest);
  }
}

/** What a subject of the hour is drawn for: a drawing for the same key says the same. */
function keyOf(ctx: DetailContext): string {
  return [ctx.campaignId, ctx.until, ctx.reportedBy, ctx.knownAt, ctx.operation, ctx.order].join('|');
}
