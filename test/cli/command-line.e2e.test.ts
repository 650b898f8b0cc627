import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/server-process';
import { newStore, timeline as run } from './run-cli';

let store: string;
const timeline = (...args: string[]) => run(store, args);

beforeAll(async () => {
  ensureBuilt();
  store = newStore();
  expect((await timeline('load')).code).toBe(0);
}, 120_000);

describe('npx timeline: help', () => {
  it('prints the usage with every command for --help, -h, help and no command at all, with exit code 0', async () => {
    for (const args of [['--help'], ['-h'], ['help'], []]) {
      const { code, stdout, stderr } = await timeline(...args);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toMatch(/^usage: timeline <command> \[options\]/);
      for (const command of [
        'load',
        'rebuild',
        'export <campaign>',
        'audit <campaign>',
        'source impact <campaign> <source>',
        'replay <campaign>',
      ])
        expect(stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
      expect(stdout).toContain('exit codes: 0 done, 1 failed, 2 ');
    }
  }, 60_000);

  it('prints a command’s help for help <command>, <command> --help and <command> -h, with exit code 0', async () => {
    for (const args of [
      ['help', 'export'],
      ['export', '--help'],
      ['export', 'syria-2024', '-h'],
    ]) {
      const { code, stdout } = await timeline(...args);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^usage: timeline export <campaign> --format ndjson\|acled\|csv\|ucdp\|geojson \[options\]/);
      expect(stdout).toMatch(/^ {6}--day YYYY-MM-DD /m);
      expect(stdout).toMatch(/^ {6}--history /m);
      expect(stdout).toMatch(/^ {2}-o, --out <file> /m);
    }
    const impact = await timeline('help', 'source', 'impact');
    expect(impact.code).toBe(0);
    expect(impact.stdout).toMatch(/^usage: timeline source impact <campaign> <source> \[options\]/);
    const audit = await timeline('audit', '--help');
    expect(audit.stdout).toContain('timeline audit <campaign> --place <id> (--day YYYY-MM-DD | --at ISO)');
    expect(audit.stdout).toContain('--order log|reported');
  }, 60_000);
});

describe('npx timeline: the command line', () => {
  it('takes --opt=value as it takes --opt value', async () => {
    const spaced = await timeline('audit', 'syria-2024', '--place', 'homs', '--day', '2024-12-07', '--order', 'reported');
    const joined = await timeline('audit', 'syria-2024', '--place=homs', '--day=2024-12-07', '--order=reported');
    expect(joined.code).toBe(0);
    expect(joined.stdout).toMatch(/^#\d+ /m);
    expect(joined.stdout).toBe(spaced.stdout);
  }, 60_000);

  it('refuses an unknown option with exit code 2, naming the option meant', async () => {
    const near = await timeline('audit', 'syria-2024', '--plac', 'homs', '--day', '2024-12-07');
    expect(near.code).toBe(2);
    expect(near.stdout).toBe('');
    expect(near.stderr).toMatch(/^unknown option --plac; did you mean --place\?$/m);
    expect(near.stderr).toContain('usage: timeline audit <campaign> --place <id>');
    const far = await timeline('export', 'syria-2024', '--format', 'csv', '--verbose');
    expect(far.code).toBe(2);
    expect(far.stderr).toMatch(/^unknown option --verbose$/m);
    const short = await timeline('export', 'syria-2024', '--format', 'csv', '-x');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('unknown option -x');
  }, 60_000);

  it('refuses a value outside an option’s list with exit code 2, naming the values', async () => {
    const figure = await timeline(
      'audit',
      'syria-2024',
      '--side',
      'civilians',
      '--category',
      'killed',
      '--day',
      '2024-12-07',
      '--figure',
      'bogus',
    );
    expect(figure.code).toBe(2);
    expect(figure.stderr).toContain('--figure must be preferred, range or daily, not "bogus"');
    const format = await timeline('export', 'syria-2024', '--format=ndjsn');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be ndjson, acled, csv, ucdp or geojson');
    expect(format.stderr).toContain('not "ndjsn"; did you mean "ndjson"?');
    const category = await timeline('audit', 'syria-2024', '--side', 'civilians', '--category', 'kiled', '--day', '2024-12-07');
    expect(category.code).toBe(2);
    expect(category.stderr).toContain('did you mean "killed"?');
  }, 60_000);

  it('refuses a missing value, a value where none is taken, a malformed day and a missing argument, with exit code 2', async () => {
    const cases: [string[], string][] = [
      [['export', 'syria-2024', '--format'], '--format needs a value: ndjson, acled, csv, ucdp or geojson'],
      [['export', 'syria-2024', '--format', '--day', '2024-12-07'], '--format needs a value'],
      [['export', 'syria-2024', '--format', 'csv', '--history=yes'], '--history takes no value'],
      [['audit', 'syria-2024', '--place', 'homs', '--day', '7 Dec'], '--day must be a date YYYY-MM-DD'],
      [
        ['audit', 'syria-2024', '--place', 'homs', '--day', '2024-12-07', '--known-at', 'yesterday'],
        '--known-at must be an ISO instant',
      ],
      [['audit', 'syria-2024', '--place', 'homs', '--day', '2024-12-07', '--day', '2024-12-08'], '--day is given twice'],
      [['replay'], 'replay needs <campaign>'],
      [['export', 'syria-2024', 'palmyra-2017', '--format', 'csv'], 'unexpected argument "palmyra-2017"'],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await timeline(...args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toContain(message);
    }
  }, 60_000);

  it('names which of an audit’s alternatives is missing', async () => {
    const cases: [string[], string][] = [
      [
        ['audit', 'syria-2024', '--day', '2024-12-07'],
        'audit needs --place (with --day or --at), or --side, --category and --day',
      ],
      [['audit', 'syria-2024', '--place', 'homs'], '--place needs --day or --at'],
      [
        ['audit', 'syria-2024', '--place', 'homs', '--day', '2024-12-07', '--at', '2024-12-07T12:00:00Z'],
        'give --day or --at for --place, not both',
      ],
      [
        ['audit', 'syria-2024', '--side', 'civilians', '--day', '2024-12-07'],
        'needs --side, --category and --day: --category missing',
      ],
      [['audit', 'syria-2024', '--category', 'killed'], '--side, --day missing'],
      [
        ['audit', 'syria-2024', '--place', 'homs', '--side', 'civilians', '--category', 'killed', '--day', '2024-12-07'],
        'not both',
      ],
    ];
    for (const [args, message] of cases) {
      const { code, stderr } = await timeline(...args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stderr).toContain(message);
    }
  }, 60_000);

  it('refuses an unknown command with exit code 2, naming the command meant', async () => {
    const near = await timeline('expor', 'syria-2024');
    expect(near.code).toBe(2);
    expect(near.stderr).toContain('unknown command "expor"; did you mean "export"?');
    expect(near.stderr).toContain('usage: timeline <command>');
    const words = await timeline('source', 'impacts', 'syria-2024', 'x');
    expect(words.code).toBe(2);
    expect(words.stderr).toContain('unknown command "source impacts"; did you mean "source impact"?');
    const help = await timeline('help', 'audti');
    expect(help.code).toBe(2);
    expect(help.stderr).toContain('did you mean "audit"?');
  }, 60_000);

  it('refuses a campaign the store does not hold with exit code 2, naming the one meant', async () => {
    const { code, stderr } = await timeline('export', 'syria-2042', '--format', 'csv');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown campaign "syria-2042"; did you mean "syria-2024"?');
  }, 60_000);
});
