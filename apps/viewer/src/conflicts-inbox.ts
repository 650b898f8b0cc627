import { getJson } from './api';
import { conflictCard, type ConflictClaim } from './conflict-card';
import { conflictVerdict } from './conflict-verdict';
import { html } from './dom';
import { EditRefused } from './editor-session';
import { campaignUrl, type InboxContext } from './record-context';
import type { Rank } from './record-vocabulary';

/** A possible conflict as `GET /campaigns/:c/conflicts` lists it: two live claims on one place that disagree. */
interface PossibleConflict {
  place: string;
  claims: { claimId: string; publisher: string | null }[];
}

/**
 * The editors' inbox of possible conflicts: overlapping live claims on one place from different
 * publishers that say different things, for the day on screen or the whole campaign. Each shows
 * both claims side by side (state, time, rank, quote, sources) with one-click "Prefer this one" /
 * "Deprecate this one", which rank the claim with the reason written for the conflict. After a
 * ranking the list is asked again and the views of the page are refreshed (`ranked`).
 */
export class ConflictsInbox {
  private readonly title = html('h2', { id: 'conflicts-title', tabindex: -1 }, 'Possible conflicts');
  private readonly day = html('button', { type: 'button', 'aria-pressed': 'true' }, 'Day on screen');
  private readonly whole = html('button', { type: 'button', 'aria-pressed': 'false' }, 'Whole campaign');
  private readonly said = html('p', { class: 'hint', role: 'status' });
  private readonly list = html('div', { class: 'conflict-list' });
  private readonly panel: HTMLElement;
  private wholeCampaign = false;
  private ctx: InboxContext | undefined;
  private loads = 0;
  private shownDay = '';

  constructor(private readonly ranked: () => void) {
    const close = html('button', { type: 'button', class: 'close', 'aria-label': 'Close the conflicts' }, '×');
    close.addEventListener('click', () => this.close());
    this.day.addEventListener('click', () => this.scope(false));
    this.whole.addEventListener('click', () => this.scope(true));
    this.panel = html(
      'section',
      { id: 'conflicts', class: 'conflicts-inbox', 'aria-labelledby': this.title.id },
      close,
      this.title,
      html(
        'p',
        { class: 'hint' },
        'Live claims on one place whose times overlap, from different publishers, that say different things. Prefer the one the record should follow, or deprecate one; the reason is kept with the rank.',
      ),
      html('div', { class: 'view-mode', role: 'group', 'aria-label': 'Conflicts of' }, this.day, this.whole),
      this.said,
      this.list,
    );
    this.panel.hidden = true;
    (document.querySelector('main') ?? document.body).append(this.panel);
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  open(ctx: InboxContext): void {
    this.ctx = ctx;
    this.panel.hidden = false;
    this.panel.scrollIntoView({ block: 'nearest' });
    this.title.focus({ preventScroll: true });
    void this.load();
  }

  close(): void {
    this.panel.hidden = true;
    this.loads++;
  }

  /** The hour on screen moved: a list of the day on screen follows it to another day. */
  follow(ctx: InboxContext): void {
    const moved = ctx.day !== this.shownDay;
    this.ctx = ctx;
    if (this.isOpen && !this.wholeCampaign && moved) void this.load();
  }

  private scope(whole: boolean): void {
    this.wholeCampaign = whole;
    this.day.setAttribute('aria-pressed', String(!whole));
    this.whole.setAttribute('aria-pressed', String(whole));
    void this.load();
  }

  private async load(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    const run = ++this.loads;
    this.shownDay = ctx.day;
    const dayLabel = ctx.clock.dayEnding(`${ctx.day}T12:00:00Z`);
    this.day.textContent = `Day on screen (${dayLabel})`;
    this.said.textContent = 'Looking for conflicts…';
    try {
      const { conflicts } = await getJson<{ conflicts: PossibleConflict[] }>(campaignUrl(ctx, 'conflicts'), {
        day: this.wholeCampaign ? undefined : ctx.day,
      });
      const records = new Map<string, Promise<ConflictClaim>>();
      const record = (id: string) => {
        if (!records.has(id)) records.set(id, getJson<ConflictClaim>(campaignUrl(ctx, 'claims', id)));
        return records.get(id) as Promise<ConflictClaim>;
      };
      const pairs = await Promise.all(
        conflicts.map(async (c) => ({
          ...c,
          records: await Promise.all(c.claims.map(async (x) => ({ ...(await record(x.claimId)), saidBy: x.publisher }))),
        })),
      );
      if (run !== this.loads) return;
      const open = pairs.filter((p) => !conflictVerdict(p.records).resolved).length;
      const where = this.wholeCampaign ? 'in the whole campaign' : `on ${dayLabel}`;
      this.said.textContent = pairs.length
        ? `${pairs.length} possible conflict${pairs.length === 1 ? '' : 's'} ${where}, ${open} not yet resolved.`
        : `No possible conflict ${where}.`;
      this.list.replaceChildren(
        ...pairs.map((p) =>
          conflictCard(p.place, p.records, ctx, (claimId, rank, reason, card) => this.rank(claimId, rank, reason, card)),
        ),
      );
    } catch (error) {
      if (run === this.loads) this.said.textContent = `The conflicts could not be read: ${(error as Error).message}`;
    }
  }

  /** Ranks one claim of a conflict; the card says what the service refused, and stays. */
  private async rank(claimId: string, rank: Rank, reason: string, card: HTMLElement): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    const problem = card.querySelector('.field-problem');
    if (problem) problem.textContent = '';
    try {
      await ctx.session.send('POST', campaignUrl(ctx, 'claims', claimId, 'rank'), { rank, reason });
    } catch (error) {
      const message = error instanceof EditRefused ? (error.forField('reason') ?? error.message) : (error as Error).message;
      if (problem) problem.textContent = message;
      card.querySelector<HTMLElement>('input[name=reason]')?.focus();
      return;
    }
    this.ranked();
    await this.load();
    this.said.textContent = `${rank === 'deprecated' ? 'Deprecated' : rank === 'preferred' ? 'Preferred' : 'Set back to normal:'} ${claimId}. ${this.said.textContent}`;
  }
}
