import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { importAcled } from '@timeline/application';
import { defineCommand, UsageError } from '../command';
import { Progress } from '../progress';
import { checkCampaign, namedOnCommandLine, withTimeline } from '../store';

export const importCommand = defineCommand({
  name: 'import',
  args: ['campaign', 'file'],
  summary:
    'load an ACLED-shaped table into a registered campaign as claims; a re-import corrects changed rows and retracts removed ones',
  options: {
    format: { type: 'string', values: ['acled'], required: true, description: 'the shape of the table' },
    dataset: {
      type: 'string',
      value: '<name>',
      description:
        "what the file is a version of (default: the file's name): claims an import of the same dataset made that this file lacks are retracted",
    },
  },
  notes: [
    'Each row becomes a claim with an id the row fixes: its claim_id when the file is one of this',
    "tool's exports, else acled- and its event_id_cnty. A claim an editor has changed is left as they made it.",
    'Importing a new version of a file under another name: give --dataset the name of the first, so the rows it lost are retracted.',
    'Progress goes to stderr, with notes on what was imported with a caveat; rows that could not be imported are named there, and make the exit code 1.',
  ],
  run: async ({ args, options }) => {
    const text = await readFile(args.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot read ${args.file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
    });
    return withTimeline(async (timeline) => {
      await checkCampaign(timeline, args.campaign);
      const progress = new Progress('import');
      const report = await namedOnCommandLine(
        importAcled(timeline, args.campaign, text, {
          file: basename(args.file),
          dataset: options.dataset ?? basename(args.file),
          progress: (done, total) => progress.update(done, total),
        }),
      );
      for (const warning of report.warnings) process.stderr.write(`note: ${warning}\n`);
      for (const problem of report.problems) process.stderr.write(`not imported: ${problem}\n`);
      progress.done(
        `${report.rows} rows: ${report.created} claims recorded, ${report.unchanged} unchanged, ${report.corrected} corrected, ` +
          `${report.retracted} retracted, ${report.ranked} ranked, ${report.kept} kept as an editor changed them; ` +
          `${report.placesRegistered} places and ${report.sourcesRegistered} sources registered; ${report.warnings.length} notes, ${report.problems.length} problems`,
      );
      return report.problems.length ? 1 : 0;
    });
  },
});
