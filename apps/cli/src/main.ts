import { createWriteStream } from 'node:fs';
import { campaignLog, loadCampaigns, Timeline } from '@timeline/application';
import {
  auditCasualties,
  auditControl,
  type CasualtyFigureName,
  controlAt,
  endOfDay,
  claimsCsv,
  controlGeoJson,
  NOW,
} from '@timeline/views';
import { configFromEnv } from '@timeline/config';
import { Progress } from './progress';
import { watchReplay } from './replay-command';

const USAGE = `usage: timeline <command> [options]   (the store is STORE_URL, as for the service)

  load [--events <dir>]                          append the campaigns of events/ (idempotent)
  rebuild                                        fold the whole log into the views, with progress
  export <campaign> --format ndjson|csv|geojson [--day YYYY-MM-DD] [--out <file>]
  audit <campaign> --place <id> (--day D | --at ISO)
  audit <campaign> --side <s> --category <c> --day D [--figure preferred|range|daily]
  replay <campaign> [--url http://127.0.0.1:3000] [--from D|ISO] [--to D|ISO] [--speed 6] [--operation id] [--known-at ISO|position]
                                                 watch a replay from a running service, hour by hour
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
    });
  }
  const timeline = await Timeline.open(config.storeUrl);
  try {
    switch (command) {
      case 'load': {
        await timeline.models.follower.catchUp();
        const progress = new Progress('load');
        const report = await loadCampaigns(
          timeline,
          options.events ?? config.eventsDir,
          (line) => process.stderr.write(`${line}\n`),
          (done, total) => progress.update(done, total),
        );
        progress.done(`${report.created} stored, ${report.unchanged} already there, ${report.problems.length} problems`);
        return report.problems.length ? 1 : 0;
      }
      case 'rebuild': {
        // a fresh process holds no views: folding the log from position 0 is the rebuild
        const head = await timeline.store.headPosition();
        const progress = new Progress('rebuild');
        // a batch is never empty: the follower only calls back after applying events
        timeline.models.follower.onApplied((events) => progress.update(events.at(-1)!.position, head));
        await timeline.models.follower.catchUp();
        const campaigns = [...timeline.projections.views.ledgers.values()].map(
          (l) => `${l.campaign.campaignId} (${l.claims.size} claims)`,
        );
        progress.done(`folded ${head} events into the views of ${campaigns.join(', ') || 'no campaign'}`);
        return 0;
      }
      case 'export': {
        const campaignId = args[0] ?? need(options, 'campaign');
        const format = need(options, 'format');
        await timeline.models.follower.catchUp();
        const ledger = timeline.projections.views.ledger(campaignId);
        if (!ledger) throw new UsageError(`campaign "${campaignId}" does not exist`);
        const out = options.out ? createWriteStream(options.out) : process.stdout;
        if (format === 'csv') out.write(claimsCsv(ledger));
        else if (format === 'geojson') {
          const view = controlAt(timeline.projections.views, ledger, endOfDay(ledger, need(options, 'day')), NOW);
          out.write(`${JSON.stringify(controlGeoJson(ledger, view), null, 2)}\n`);
        } else if (format === 'ndjson') {
          for await (const event of campaignLog(timeline.store, campaignId)) out.write(`${JSON.stringify(event)}\n`);
        } else throw new UsageError(`--format must be ndjson, csv or geojson`);
        if (out !== process.stdout)
          await new Promise<void>((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
        return 0;
      }
      case 'audit': {
        const campaignId = args[0] ?? need(options, 'campaign');
        await timeline.models.follower.catchUp();
        const views = timeline.projections.views;
        const ledger = views.ledger(campaignId);
        if (!ledger) throw new UsageError(`campaign "${campaignId}" does not exist`);
        const entries = options.place
          ? auditControl(
              views,
              ledger,
              options.place,
              options.at ? Date.parse(options.at) : endOfDay(ledger, need(options, 'day')),
            )
          : auditCasualties(
              views,
              ledger,
              need(options, 'side'),
              need(options, 'category'),
              need(options, 'day'),
              (options.figure ?? 'preferred') as CasualtyFigureName,
            );
        for (const e of entries) {
          const sources = e.sources.map((s) => `${s.sourceId} (${s.publisher})`).join(', ') || '-';
          process.stdout.write(
            `#${e.position} ${e.recordedAt} ${e.event} ${e.claimId ?? ''} by ${e.actor ?? '-'} [${sources}]\n  before: ${JSON.stringify(e.before)}\n  after:  ${JSON.stringify(e.after)}\n`,
          );
        }
        if (!entries.length) process.stdout.write('no event changed this figure\n');
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
