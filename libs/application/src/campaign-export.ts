import { DomainError, type FieldError } from '@timeline/domain';
import type { EventStore } from '@timeline/store';
import { acledLines, controlAt, controlGeoJson, endOfDay, ucdpLines, unreportedRevisions } from '@timeline/views';
import { campaignLog } from './campaign-log';
import { inSlices } from './sliced';
import type { KnownAtInput, ServingViews } from './serving-views';

/** The files a campaign is exported as; `csv` is the ACLED table under its older name. */
export const EXPORT_FORMATS = ['ndjson', 'acled', 'csv', 'ucdp', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The formats that are tables of claims. */
export type TableFormat = 'acled' | 'ucdp';
const TABLES: readonly ExportFormat[] = ['acled', 'csv', 'ucdp'];

/** The options a format does not take, each named with what it applies to: the API and the terminal refuse them alike. */
function misplacedOptions(query: { format: ExportFormat; day?: string; reportedBy?: string; history?: boolean }): FieldError[] {
  const problems: FieldError[] = [];
  if (query.day !== undefined && query.format !== 'geojson')
    problems.push({ path: 'day', message: 'applies to geojson only: a table holds every day of the campaign' });
  if (query.history !== undefined && !TABLES.includes(query.format))
    problems.push({ path: 'history', message: 'applies to the tables (acled, csv, ucdp)' });
  if (query.reportedBy !== undefined && query.format === 'ndjson')
    problems.push({
      path: 'reportedBy',
      message: 'applies to acled, csv, ucdp and geojson; the ndjson export is the log itself, every event as recorded',
    });
  return problems;
}

export type CampaignExportFile =
  | { format: TableFormat; lines: AsyncIterable<string>; reportedBy?: string; unreported?: number }
  | { format: 'geojson'; map: ReturnType<typeof controlGeoJson> & { day: string; reportedBy?: string; unreported?: number } }
  | { format: 'ndjson'; lines: AsyncIterable<string> };

/**
 * A campaign as files: its log (ndjson), its claims as ACLED's table (acled, or csv) or its deaths
 * as UCDP GED's (ucdp), a day's map (GeoJSON, as data: the API sends it compact, the terminal tool
 * indented).
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
      /** The map's day; the campaign's last day when omitted. */
      day?: string;
      knownAt?: KnownAtInput;
      reportedBy?: string;
      operation?: string;
      /** Tables: one row per revision with its status, rather than one per claim as it stands. */
      history?: boolean;
    },
  ): Promise<CampaignExportFile> {
    const misplaced = misplacedOptions(query);
    if (misplaced.length) throw DomainError.invalid(`the ${query.format} export does not take these options`, misplaced);
    const { views, ledger, knownAt, reported } = await this.serving.forCampaign(campaignId, query.knownAt, query.reportedBy, {
      operation: query.operation,
    });
    if (query.format === 'geojson') {
      const day = query.day ?? ledger.campaign.window.to;
      const view = controlAt(views, ledger, endOfDay(ledger, day), knownAt, query.operation);
      return { format: 'geojson', map: { ...controlGeoJson(ledger, view), day, ...reported() } };
    }
    if (query.format === 'ndjson') return { format: 'ndjson', lines: this.logLines(campaignId) };
    const format: TableFormat = query.format === 'ucdp' ? 'ucdp' : 'acled';
    const lines = format === 'ucdp' ? ucdpLines : acledLines;
    // the table of a whole campaign is made in slices, so other requests run while it is sent
    return {
      format,
      lines: inSlices(lines(ledger, knownAt, query.history ?? false)),
      ...(query.reportedBy ? { reportedBy: query.reportedBy, unreported: unreportedRevisions(ledger, knownAt) } : {}),
    };
  }

  private async *logLines(campaignId: string): AsyncGenerator<string> {
    for await (const event of campaignLog(this.store, campaignId)) yield `${JSON.stringify(event)}\n`;
  }
}
