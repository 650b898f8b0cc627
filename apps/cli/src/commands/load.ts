import { loadCampaigns } from '@timeline/application';
import { configFromEnv } from '@timeline/config';
import { defineCommand } from '../command';
import { Progress } from '../progress';
import { withTimeline } from '../store';

export const load = defineCommand({
  name: 'load',
  args: [],
  summary: 'append the campaigns of events/ to the store (idempotent; corrects items the shipped files revised)',
  options: {
    events: {
      type: 'string',
      value: '<dir>',
      description: 'the folder of campaigns to load (default: EVENTS_DIR, else events/)',
    },
  },
  notes: ['Progress goes to stderr; each file or item that fails is named there, and makes the exit code 1.'],
  run: ({ options }) =>
    withTimeline(async (timeline) => {
      const progress = new Progress('load');
      const report = await loadCampaigns(
        timeline,
        options.events ?? configFromEnv().eventsDir,
        (line) => process.stderr.write(`${line}\n`),
        (done, total) => progress.update(done, total),
      );
      progress.done(
        `${report.created} stored, ${report.unchanged} already there, ${report.corrected} corrected, ${report.kept} kept, ${report.problems.length} problems`,
      );
      return report.problems.length ? 1 : 0;
    }),
});
