import { defineCommand } from '../command';
import { URL_OPTION } from '../options';
import { askService, NoService, serviceUrl } from '../service';
import { rebuildHere } from './rebuild-here';
import { rebuildInService } from './rebuild-in-service';

export const rebuild = defineCommand({
  name: 'rebuild',
  args: [],
  summary: 'fold the whole log into new views: the running service’s, or, when none answers, the stopped store’s',
  options: {
    url: URL_OPTION,
    key: { type: 'string', value: '<key>', description: 'an admin API key for the service (default: TIMELINE_API_KEY)' },
  },
  notes: [
    'When a service answers at the URL, it is asked to rebuild (POST /admin/projections/rebuild) and the',
    'tool follows its progress; it serves the new views once they have caught up. That needs an admin key:',
    'an API_KEYS entry with the admin role, or the development key the service printed at its first start.',
    'When none answers, the store STORE_URL names is folded in this process and the views are written to',
    'the snapshot file in DATA_DIR, which the service reads at its next start instead of folding the log.',
  ],
  run: async ({ options }) => {
    const url = serviceUrl(options.url);
    try {
      await askService(url, '/health', {}, 3_000);
    } catch (error) {
      if (error instanceof NoService) return rebuildHere(url, error.reason);
      throw error;
    }
    return rebuildInService(url, options.key ?? process.env.TIMELINE_API_KEY);
  },
});
