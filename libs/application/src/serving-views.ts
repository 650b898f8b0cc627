import { DomainError, type RecordedEvent } from '@timeline/domain';
import type { LogFollower } from '@timeline/projections';
import type { CampaignLedger, KnownAt, TimelineViews } from '@timeline/views';
import type { ProjectionVersions } from './projection-versions';
import { checkNamedInRead, type NamedInRead } from './query-references';

/** `knownAt` as a client gives it: a log position or an ISO instant; absent means now. */
export type KnownAtInput = number | string | undefined;

/** One campaign's views at a knownAt (and reportedBy): what every view query answers from. */
export interface CampaignViews {
  views: TimelineViews;
  /** The campaign's ledger; seen as reported by `reportedBy` when one was asked for. */
  ledger: CampaignLedger;
  knownAt: KnownAt;
  /** `knownAt` as asked, echoed in answers: null for "now". */
  knownAtEcho: number | string | null;
  /** Fields a reported answer adds: `reportedBy` as asked and the versions set aside as undated. */
  reported: () => { reportedBy?: string; unreported?: number };
}

/** The views being served, caught up with the log before a query reads them. */
export class ServingViews {
  constructor(
    private readonly follower: LogFollower,
    private readonly versions: ProjectionVersions,
  ) {}

  /**
   * The serving views, caught up with the log, for one campaign at a knownAt and, when asked, as
   * publicly reported by an instant (a view of its own, which the caches of what is known now never answer).
   * What the read names (a place, a source, a side …) must exist in the campaign.
   */
  async forCampaign(
    campaignId: string,
    knownAt?: KnownAtInput,
    reportedBy?: string,
    named: NamedInRead = {},
  ): Promise<CampaignViews> {
    const views = await this.caughtUp();
    const base = views.ledger(campaignId);
    if (!base) throw DomainError.notFound(`campaign "${campaignId}" does not exist`);
    checkNamedInRead(base.catalog, named, views.catalog.publishers);
    const position = views.knownAtPosition(knownAt);
    const echo = knownAt ?? null;
    if (reportedBy === undefined) return { views, ledger: base, knownAt: position, knownAtEcho: echo, reported: () => ({}) };
    const ledger = base.asReportedBy(Date.parse(reportedBy));
    return {
      views,
      ledger,
      knownAt: position,
      knownAtEcho: echo,
      reported: () => ({ reportedBy, unreported: ledger.unreported.size }),
    };
  }

  async caughtUp(): Promise<TimelineViews> {
    await this.follower.catchUp();
    return this.versions.views;
  }

  /** The views as folded so far, for listeners that run while the log is being folded. */
  get current(): TimelineViews {
    return this.versions.views;
  }

  /** The log position the read models have folded up to. */
  get checkpoint(): number {
    return this.follower.checkpoint;
  }

  /** Calls `listener` with each batch of events once the read models have folded it. */
  onFolded(listener: (events: RecordedEvent[]) => void): () => void {
    return this.follower.onApplied(listener);
  }
}
