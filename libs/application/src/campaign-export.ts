import type { EventStore } from '@timeline/store';
import { claimsCsvLines, controlAt, controlGeoJson, endOfDay, unreportedRevisions } from '@timeline/views';
import { campaignLog } from './campaign-log';
import { inSlices } from './sliced';
import type { KnownAtInput, ServingViews } from './serving-views';

/** The files a campaign is exported as. */
export const EXPORT_FORMATS = ['ndjson', 'csv', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type CampaignExportFile =
  | { format: 'csv'; lines: AsyncIterable<string>; reportedBy?: string; unreported?: number }
  | { format: 'geojson'; map: ReturnType<typeof controlGeoJson> & { reportedBy?: string; unreported?: number } }
  | { format: 'ndjson'; lines: AsyncIterable<string> };

/**
 * A campaign as files: its log (ndjson), its claims as a table (csv), a day's map (GeoJSON, as
 * data: the API sends it compact, the terminal tool indented).
 */
export class CampaignExport {
  constructor(
    private readonly serving: ServingViews,
    private readonly store: EventStore,
  ) {}

  async file(
    campaignId: string,
    query: {
      format: ExportFormat;
      day?: string;
      knownAt?: KnownAtInput;
      reportedBy?: string;
      operation?: string;
      /** Tables: one row per revision with its status, rather than one per claim as it stands. */
      history?: boolean;
    },
  ): Promise<CampaignExportFile> {
    const { views, ledger, knownAt, reported } = await this.serving.forCampaign(campaignId, query.knownAt, query.reportedBy, {
      operation: query.operation,
    });
    // the table of a whole campaign is made in slices, so other requests run while it is sent
    if (query.format === 'csv')
      return {
        format: 'csv',
        lines: inSlices(claimsCsvLines(ledger, knownAt)),
        ...(query.reportedBy ? { reportedBy: query.reportedBy, unreported: unreportedRevisions(ledger, knownAt) } : {}),
      };
    if (query.format === 'geojson') {
      const view = controlAt(views, ledger, endOfDay(ledger, query.day ?? ''), knownAt, query.operation);
      return { format: 'geojson', map: { ...controlGeoJson(ledger, view), ...reported() } };
    }
    return { format: 'ndjson', lines: this.logLines(campaignId) };
  }

  private async *logLines(campaignId: string): AsyncGenerator<string> {
    for await (const event of campaignLog(this.store, campaignId)) yield `${JSON.stringify(event)}\n`;
  }
}
