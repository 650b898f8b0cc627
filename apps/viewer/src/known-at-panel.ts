import { byId, html } from './dom';
import { placesChangedSince } from './known-at';
import type { CampaignMap } from './map';
import type { PastViews } from './past-views';
import type { StatusBar } from './status-bar';

/**
 * How often a playing replay compares what was known with what is known now, at most: views of
 * the past are the service's costliest reads, and a client without a key has a budget of them
 * (see `PastViews`); a comparison spends one, two as reported.
 */
const COMPARE_EVERY_MS = 2000;

/** The hour on screen of a replay, and the state of knowledge it shows. */
export interface KnownAtQuery {
  campaignId: string;
  /** The end of the hour on screen, '' before the first. */
  until: string;
  knownAt?: string;
  operation?: string;
  /** Set when the replay shows the hour as reported at the time: the instant its reports are taken up to. */
  reportedBy?: string;
}

/**
 * "As known at": replays the record as it stood at a log position or an instant, and lists (and
 * marks on the map) the places whose state at the hour on screen is known differently now.
 */
export class KnownAtPanel {
  private readonly input = byId<HTMLInputElement>('known-at');
  private readonly pinned = byId('pinned');
  private readonly changes = byId('changes');
  /** Answers to an earlier hour that arrive late are dropped. */
  private run = 0;
  /** The hour to compare next, and when the last comparison was asked for. */
  private latest: KnownAtQuery | undefined;
  private lastCompared = -Infinity;
  private timer: number | undefined;

  constructor(
    private readonly map: CampaignMap,
    private readonly status: StatusBar,
    private readonly pastViews: PastViews,
    onChange: (knownAt: string | undefined) => void,
  ) {
    byId<HTMLFormElement>('known-at-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const value = this.input.value.trim();
      if (value && parseKnownAt(value) === undefined)
        return status.show(
          'As known at: enter a log position (a whole number) or an ISO instant such as 2024-12-05T12:00:00Z.',
          true,
        );
      onChange(value || undefined);
    });
    byId('known-at-clear').addEventListener('click', () => {
      this.input.value = '';
      onChange(undefined);
    });
  }

  show(knownAt: string | undefined): void {
    this.input.value = knownAt ?? '';
  }

  /** Says which log position the session is pinned to. */
  pin(position: number, knownAt: string | undefined): void {
    this.pinned.textContent = `This replay shows the record as of log position ${position}${knownAt ? ` (as known at ${knownAt})` : ' (now)'}; enter an earlier position or instant to see what was known then.`;
  }

  /**
   * Marks what differs from the record now when the replay shows an earlier state of knowledge.
   * While a replay plays, the hours in between are folded into one comparison every 2 s.
   */
  showDifferences(query: KnownAtQuery): void {
    if (!query.knownAt || !query.until) {
      this.latest = undefined;
      this.run++;
      this.map.markChanged(new Map());
      this.changes.replaceChildren();
      return;
    }
    this.latest = query;
    if (this.timer !== undefined) return;
    const now = performance.now();
    const wait = Math.max(this.lastCompared + COMPARE_EVERY_MS - now, this.pastViews.waitFor(costOf(query), now));
    this.timer = window.setTimeout(
      () => {
        this.timer = undefined;
        const latest = this.latest;
        this.latest = undefined;
        if (latest) void this.compare(latest);
      },
      Math.max(0, wait),
    );
  }

  private async compare({ campaignId, until, knownAt, operation, reportedBy }: KnownAtQuery): Promise<void> {
    if (!knownAt) return;
    this.lastCompared = performance.now();
    this.pastViews.spend(costOf({ knownAt, reportedBy }), this.lastCompared);
    const run = ++this.run;
    try {
      const changed = await placesChangedSince(campaignId, until, knownAt, operation, reportedBy, this.map.names);
      if (run !== this.run) return;
      this.map.markChanged(changed);
      this.changes.replaceChildren(
        ...[...changed].map(([place, why]) =>
          html(
            'li',
            { 'data-place': place },
            html('strong', {}, this.map.place(place)?.name ?? place),
            ` ${why.replace(/ → now .*/, '')} → `,
            html('span', { class: 'now' }, why.replace(/.* → /, '')),
          ),
        ),
      );
      if (!changed.size)
        this.changes.append(html('li', { class: 'empty' }, 'No place differs at this hour from what is known now.'));
    } catch (error) {
      if (run === this.run) this.status.show(`As known at: ${(error as Error).message}`, true);
    }
  }
}

/** The views of the past a comparison asks for: what was known, and, as reported, what is known now. */
const costOf = (query: { knownAt?: string; reportedBy?: string }) => (query.knownAt ? 1 : 0) + (query.reportedBy ? 1 : 0);

/** What the replay is asked for: a log position, or an ISO instant with its offset; undefined if it is neither. */
export function parseKnownAt(value: string | undefined): string | number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  return Number.isNaN(Date.parse(value)) || !/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? undefined : value;
}
