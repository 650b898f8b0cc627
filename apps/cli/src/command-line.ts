import { parseArgs, type ParseArgsConfig } from 'node:util';
import { nearestNames, quotedChoice } from '@timeline/domain';
import { type Command, type CommandLine, type OptionSpec, UsageError } from './command';

/** The option every command takes. */
export const HELP_OPTION: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help' };

/**
 * A command's words after its name, checked against its declaration: `--opt value` and
 * `--opt=value` alike; an unknown option, a missing value, a value outside an option's list or a
 * missing argument is a `UsageError` naming the nearest right one. Answers 'help' when asked.
 */
export function parseCommandLine(command: Command, words: string[]): CommandLine | 'help' {
  const specs: Record<string, OptionSpec> = { ...command.options, help: HELP_OPTION };
  const config = {
    args: words,
    options: Object.fromEntries(
      Object.entries(specs).map(([name, spec]) => [name, { type: spec.type, ...(spec.short ? { short: spec.short } : {}) }]),
    ),
    allowPositionals: true,
  } satisfies ParseArgsConfig;
  // read leniently first, to name what is wrong as this tool does; then strictly, which must agree
  const { tokens } = parseArgs({ ...config, strict: false, tokens: true });
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return 'help';
  const fail = (message: string) => new UsageError(message, command);
  const given = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = specs[token.name];
    if (!spec) throw fail(unknownOption(token.rawName, Object.keys(specs)));
    const name = `--${token.name}`;
    if (given.has(token.name)) throw fail(`${name} is given twice`);
    given.add(token.name);
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw fail(`${name} takes no value`);
      continue;
    }
    // `--format --day 2024-12-07`: the next option is not --format's value
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))
      throw fail(`${name} needs a value${spec.values ? `: ${choice(spec.values)}` : ''}`);
    const problem = valueProblem(spec, token.value);
    if (problem) throw fail(`${name} ${problem}`);
  }
  const missing = Object.entries(command.options).find(([name, spec]) => spec.required && !given.has(name));
  if (missing) throw fail(`--${missing[0]} is required`);
  const positionals = tokens.flatMap((t) => (t.kind === 'positional' ? [t.value] : []));
  const absent = command.args[positionals.length];
  if (absent !== undefined) throw fail(`${command.name} needs <${absent}>`);
  const extra = positionals[command.args.length];
  if (extra !== undefined) throw fail(`unexpected argument "${extra}"`);

  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ ...config, strict: true }).values;
  } catch (error) {
    throw fail(error instanceof Error ? error.message : String(error));
  }
  delete values.help;
  const args = Object.fromEntries(command.args.map((name, i) => [name, positionals[i] ?? '']));
  return { args, options: values } as CommandLine;
}

function unknownOption(rawName: string, known: string[]): string {
  const near = nearestNames(rawName.replace(/^-+/, ''), known, 1);
  return `unknown option ${rawName}${near.length ? `; did you mean --${near[0]}?` : ''}`;
}

function valueProblem(spec: OptionSpec, value: string): string | undefined {
  if (spec.values && !spec.values.includes(value)) {
    const near = nearestNames(value, spec.values);
    return `must be ${choice(spec.values)}, not "${value}"${near.length ? `; did you mean ${quotedChoice(near)}?` : ''}`;
  }
  return spec.check?.(value);
}

/** `a, b or c`. */
export function choice(values: readonly string[]): string {
  return values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : (values[0] ?? '');
}
