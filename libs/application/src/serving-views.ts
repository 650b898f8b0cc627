import { DomainError, type RecordedEvent } from '@timeline/domain';
import type { LogFollower } from '@timeline/projections';
import type { CampaignLedger, KnownAt, TimelineViews } from '@timeline/views';
import type { ProjectionVersions } from './projection-versions';

/** `knownAt` as a client gives it: a log position or an ISO instant; absent means now. */
export type KnownAtInput = number | string | undefined;

/** One campaign's views at a knownAt: what every view query answers from. */
export interface CampaignViews {
  views: TimelineViews;
  ledger: CampaignLedger;
  knownAt: KnownAt;
  /** `knownAt` as asked, echoed in answers: null for "now". */
  knownAtEcho: number | string | null;
}

/** The views being served, caught up with the log before a query reads them. */
export class ServingViews {
  constructor(
    private readonly follower: LogFollower,
    private readonly versions: ProjectionVersions,
  ) {}

  /** The serving views, caught up with the log, for one campaign at a knownAt. */
  async forCampaign(campaignId: string, knownAt?: KnownAtInput): Promise<CampaignViews> {
    const views = await this.caughtUp();
    const ledger = views.ledger(campaignId);
    if (!ledger) throw DomainError.notFound(`campaign "${campaignId}" does not exist`);
    return { views, ledger, knownAt: views.knownAtPosition(knownAt), knownAtEcho: knownAt ?? null };
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
