import type { Command, OptionSpec } from './command';
import { HELP_OPTION } from './command-line';

const EXIT_CODES =
  'exit codes: 0 done, 1 failed, 2 a command line it cannot run (or a campaign, place or source that does not exist)';

/** The tool's usage: every command of the table with its one line. */
export function usage(commands: readonly Command[]): string {
  const rows = commands.map((c): [string, string] => [[c.name, ...c.args.map((a) => `<${a}>`)].join(' '), c.summary]);
  rows.push(['help [<command>]', 'this help, or a command’s options']);
  return [
    'usage: timeline <command> [options]',
    '',
    'commands:',
    ...table(rows),
    '',
    '`timeline <command> --help` shows a command’s options. The store is STORE_URL and the service',
    'http://HOST:PORT, read from the environment as the service reads them.',
    EXIT_CODES,
    '',
  ].join('\n');
}

/** One command's help: its forms, what it does, and each option. */
export function commandHelp(command: Command): string {
  const options = Object.entries({ ...command.options, help: HELP_OPTION });
  return [
    ...synopsis(command).map((line, i) => `${i ? '       ' : 'usage: '}${line}`),
    '',
    command.summary,
    '',
    'options:',
    ...table(options.map(([name, spec]) => [optionLabel(name, spec), optionText(name, spec)])),
    ...(command.notes?.length ? ['', ...command.notes] : []),
    '',
    EXIT_CODES,
    '',
  ].join('\n');
}

/** The command's forms, or one made from its arguments and required options. */
export function synopsis(command: Command): string[] {
  const head = ['timeline', command.name, ...command.args.map((a) => `<${a}>`)].join(' ');
  if (command.forms) return command.forms.map((form) => `${head} ${form}`);
  const required = Object.entries(command.options).filter(([, spec]) => spec.required);
  const rest = Object.keys(command.options).length > required.length ? ' [options]' : '';
  return [`${head}${required.map(([name, spec]) => ` --${name} ${valueLabel(name, spec)}`).join('')}${rest}`];
}

function optionLabel(name: string, spec: OptionSpec): string {
  const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}`;
  return spec.type === 'boolean' ? flag : `${flag} ${valueLabel(name, spec)}`;
}

/** An option's values in its label when they are few and short, else its name as a placeholder. */
function valueLabel(name: string, spec: OptionSpec): string {
  if (!spec.values) return spec.value ?? '<value>';
  const listed = spec.values.join('|');
  return listed.length <= 30 ? listed : `<${name}>`;
}

function optionText(name: string, spec: OptionSpec): string {
  const values = spec.values && valueLabel(name, spec).startsWith('<') ? ` (one of ${spec.values.join(', ')})` : '';
  return `${spec.description}${values}${spec.required ? ' (required)' : ''}`;
}

const LABEL_WIDTH = 36;

/** Two columns; a label too wide for the first puts its text on the next line. */
function table(rows: [string, string][]): string[] {
  const width = Math.min(LABEL_WIDTH, Math.max(...rows.map(([left]) => left.length)));
  return rows.flatMap(([left, right]) =>
    left.length > width ? [`  ${left}`, `  ${''.padEnd(width)}  ${right}`] : [`  ${left.padEnd(width)}  ${right}`],
  );
}
