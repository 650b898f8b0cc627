import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { EXPORT_FORMATS } from '@timeline/application';
import { defineCommand } from '../command';
import { DAY, KNOWN_AT, knownAtInput, OPERATION, REPORTED_BY } from '../options';
import { checkCampaign, namedOnCommandLine, withTimeline } from '../store';

export const exportCommand = defineCommand({
  name: 'export',
  args: ['campaign'],
  summary: 'the campaign as a file: its log (ndjson), a table of its claims, or a day’s control map (geojson)',
  options: {
    format: { type: 'string', values: EXPORT_FORMATS, required: true, description: 'the kind of file' },
    day: { ...DAY, description: 'the day a map shows (without it, the campaign’s latest day)' },
    'known-at': KNOWN_AT,
    'reported-by': { ...REPORTED_BY, description: `${REPORTED_BY.description}; not for the log (ndjson)` },
    operation: OPERATION,
    history: { type: 'boolean', description: 'tables: one row per revision of a claim, rather than one per claim as it stands' },
    out: { type: 'string', short: 'o', value: '<file>', description: 'write the file there rather than to stdout' },
  },
  // which options a format takes is the application's to say: the API and this tool refuse alike
  run: async ({ args, options }) =>
    withTimeline(async (timeline) => {
      await checkCampaign(timeline, args.campaign);
      const file = await namedOnCommandLine(
        timeline.campaignExport.file(args.campaign, {
          format: options.format,
          // without a day, the application chooses the map's
          ...(options.day !== undefined ? { day: options.day } : {}),
          knownAt: knownAtInput(options['known-at']),
          reportedBy: options['reported-by'],
          operation: options.operation,
          ...(options.history ? { history: true } : {}),
        }),
      );
      const out = options.out ? await opened(createWriteStream(options.out)) : process.stdout;
      if ('lines' in file) for await (const line of file.lines) await write(out, line);
      else await write(out, `${JSON.stringify(file.map, null, 2)}\n`);
      if (out !== process.stdout) await new Promise<void>((resolve, reject) => out.once('error', reject).end(resolve));
      return 0;
    }),
});

/** A file once it is open: one that cannot be is refused before anything is written. */
async function opened(file: WriteStream): Promise<WriteStream> {
  await once(file, 'ready');
  return file;
}

/** Writes, waiting while the output is full: a large table is not held in memory. */
async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}
