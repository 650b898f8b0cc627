import { createWriteStream } from 'node:fs';
import { EXPORT_FORMATS, type ExportFormat, loadCampaigns, Timeline } from '@timeline/application';
import { DomainError, parseInstant } from '@timeline/domain';
import type { AuditOrder, CasualtyFigureName } from '@timeline/views';
import { configFromEnv } from '@timeline/config';
import { Progress } from './progress';
import { watchReplay } from './replay-command';

const USAGE = `usage: timeline <command> [options]   (the store is STORE_URL, as for the service)

  load [--events <dir>]                          append the campaigns of events/ (idempotent; corrects revised items)
  rebuild                                        fold the whole log into the views, with progress
  export <campaign> --format ndjson|csv|geojson [--day YYYY-MM-DD] [--reported-by ISO] [--out <file>]
  audit <campaign> --place <id> (--day D | --at ISO) [--order log|reported] [--reported-by ISO]
  audit <campaign> --side <s> --category <c> --day D [--figure preferred|range|daily] [--order log|reported] [--reported-by ISO]
                                                 the events that made a figure; --order reported lists them by when their
                                                 reports were published, --reported-by keeps only what was reported by then
  replay <campaign> [--url http://127.0.0.1:3000] [--from D|ISO] [--to D|ISO] [--speed 6] [--operation id] [--known-at ISO|position] [--as-reported]
                                                 watch a replay from a running service, hour by hour;
                                                 --as-reported: as the sources reported it at the time
`;

type Options = Record<string, string>;

function parseArgs(argv: string[]): { command: string; args: string[]; options: Options } {
  const [command = 'help', ...rest] = argv;
  const args: string[] = [];
  const options: Options = {};
  for (let word = rest.shift(); word !== undefined; word = rest.shift()) {
    if (!word.startsWith('--')) {
      args.push(word);
      continue;
    }
    // a flag takes the next word as its value; alone, or before another flag, it is 'true'
    const value = rest[0];
    if (value === undefined || value.startsWith('--')) options[word.slice(2)] = 'true';
    else {
      options[word.slice(2)] = value;
      rest.shift();
    }
  }
  return { command, args, options };
}

function need(options: Options, name: string): string {
  const value = options[name];
  if (!value || value === 'true') throw new UsageError(`--${name} is required`);
  return value;
}

class UsageError extends Error {}

/** An audit's `--order` and `--reported-by`, checked as the HTTP API checks them. */
function auditScope(options: Options): { order?: AuditOrder; reportedBy?: string } {
  const order = options.order;
  if (order !== undefined && order !== 'log' && order !== 'reported') throw new UsageError('--order must be log or reported');
  const reportedBy = options['reported-by'];
  if (reportedBy !== undefined && parseInstant(reportedBy) === undefined)
    throw new UsageError('--reported-by must be an ISO instant with an offset, e.g. 2024-12-06T18:00:00+03:00');
  return { ...(order ? { order } : {}), ...(reportedBy ? { reportedBy } : {}) };
}

const EXPORT_NAMES: readonly string[] = EXPORT_FORMATS;

function exportFormat(format: string): ExportFormat {
  if (!EXPORT_NAMES.includes(format)) throw new UsageError(`--format must be ndjson, csv or geojson`);
  return format as ExportFormat;
}

/** A campaign the store does not hold was misnamed on the command line: answered with the usage. */
async function namedOnCommandLine<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (error) {
    if (error instanceof DomainError && error.kind === 'not-found') throw new UsageError(error.message);
    throw error;
  }
}

async function main(argv: string[]): Promise<number> {
  const { command, args, options } = parseArgs(argv);
  if (command === 'help' || options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const config = configFromEnv();
  if (command === 'replay') {
    const campaignId = args[0] ?? need(options, 'campaign');
    const speed = Number(options.speed ?? 6);
    if (!(speed >= 0.1 && speed <= 1000)) throw new UsageError('--speed must be between 0.1 and 1000 campaign hours per second');
    return watchReplay({
      url: options.url ?? `http://${config.host}:${config.port}`,
      campaignId,
      from: options.from,
      to: options.to,
      speed,
      operation: options.operation,
      knownAt: options['known-at'],
      asReported: options['as-reported'] === 'true',
    });
  }
  const timeline = await Timeline.open(config.storeUrl);
  try {
    switch (command) {
      case 'load': {
        const progress = new Progress('load');
        const report = await loadCampaigns(
          timeline,
          options.events ?? config.eventsDir,
          (line) => process.stderr.write(`${line}\n`),
          (done, total) => progress.update(done, total),
        );
        progress.done(
          `${report.created} stored, ${report.unchanged} already there, ${report.corrected} corrected, ${report.kept} kept, ${report.problems.length} problems`,
        );
        return report.problems.length ? 1 : 0;
      }
      case 'rebuild': {
        // a fresh process holds no views: folding the log from position 0 is the rebuild
        const progress = new Progress('rebuild');
        const { head, campaigns } = await timeline.projectionAdmin.foldLog((position, total) => progress.update(position, total));
        const folded = campaigns.map((c) => `${c.campaignId} (${c.claims} claims)`);
        progress.done(`folded ${head} events into the views of ${folded.join(', ') || 'no campaign'}`);
        return 0;
      }
      case 'export': {
        const campaignId = args[0] ?? need(options, 'campaign');
        const format = exportFormat(need(options, 'format'));
        const day = format === 'geojson' ? need(options, 'day') : undefined;
        const { reportedBy } = auditScope(options);
        if (reportedBy && format === 'ndjson')
          throw new UsageError('--reported-by applies to csv and geojson; the ndjson export is the log itself');
        const file = await namedOnCommandLine(timeline.campaignExport.file(campaignId, { format, day, reportedBy }));
        const out = options.out ? createWriteStream(options.out) : process.stdout;
        if (file.format === 'geojson') out.write(`${JSON.stringify(file.map, null, 2)}\n`);
        else for await (const line of file.lines) out.write(line);
        if (out !== process.stdout)
          await new Promise<void>((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
        return 0;
      }
      case 'audit': {
        const campaignId = args[0] ?? need(options, 'campaign');
        const audits = timeline.auditQueries;
        const scope = auditScope(options);
        const { changes, unreported } = options.place
          ? await namedOnCommandLine(
              audits.control(campaignId, {
                place: options.place,
                ...(options.at ? { at: options.at } : { day: need(options, 'day') }),
                ...scope,
              }),
            )
          : await namedOnCommandLine(
              audits.casualties(campaignId, {
                side: need(options, 'side'),
                category: need(options, 'category'),
                day: need(options, 'day'),
                figure: (options.figure ?? 'preferred') as CasualtyFigureName,
                ...scope,
              }),
            );
        for (const e of changes) {
          const sources = e.sources.map((s) => `${s.sourceId} (${s.publisher})`).join(', ') || '-';
          const reported = e.reportedAt ? ` reported ${e.reportedAt}` : '';
          process.stdout.write(
            `#${e.position} ${e.recordedAt}${reported} ${e.event} ${e.claimId ?? ''} by ${e.actor ?? '-'} [${sources}]\n  before: ${JSON.stringify(e.before)}\n  after:  ${JSON.stringify(e.after)}\n`,
          );
          for (const other of e.alsoReported ?? [])
            process.stdout.write(`  reported with it: #${other.position} ${other.event} ${other.claimId ?? ''}\n`);
        }
        if (!changes.length) process.stdout.write('no event changed this figure\n');
        if (unreported) process.stdout.write(`${unreported} claim versions with no dated source were left out\n`);
        return 0;
      }
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } finally {
    await timeline.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      error instanceof UsageError
        ? `${error.message}\n\n${USAGE}`
        : `${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
