import { nearestNames, quotedChoice } from '@timeline/domain';
import { type Command, RefusedInput, UsageError } from './command';
import { parseCommandLine } from './command-line';
import { COMMANDS } from './commands';
import { commandHelp, synopsis, usage } from './help';

/** Runs the command line: answers the exit code (0 done, 1 failed, 2 a command line it cannot run). */
async function main(argv: string[]): Promise<number> {
  const [first] = argv;
  const helpAlone = first === 'help' && (argv[1] === undefined || argv[1].startsWith('-'));
  if (first === undefined || first === '--help' || first === '-h' || helpAlone) {
    process.stdout.write(usage(COMMANDS));
    return 0;
  }
  if (first === 'help') {
    process.stdout.write(commandHelp(commandOf(argv.slice(1)).command));
    return 0;
  }
  const { command, words } = commandOf(argv);
  try {
    const line = parseCommandLine(command, words);
    if (line === 'help') {
      process.stdout.write(commandHelp(command));
      return 0;
    }
    return await command.run(line);
  } catch (error) {
    // a command's own refusals are about it: its usage follows them
    if (error instanceof UsageError && !error.command) throw error.about(command);
    throw error;
  }
}

/** The command the first words name (`export`, `source impact`), and the words after them. */
function commandOf(argv: string[]): { command: Command; words: string[] } {
  for (const command of COMMANDS) {
    const name = command.name.split(' ');
    if (name.every((word, i) => argv[i] === word)) return { command, words: argv.slice(name.length) };
  }
  const [first = ''] = argv;
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first}: the command comes first`);
  // as many words as the commands' names have, for `source impacts` as for `expor`
  const names = COMMANDS.map((c) => c.name);
  const given = names.some((n) => n.startsWith(`${first} `)) && argv[1] ? `${first} ${argv[1]}` : first;
  const near = nearestNames(given, names);
  const starting = names.filter((n) => n.startsWith(`${first} `));
  const meant = near.length ? near : starting;
  throw new UsageError(`unknown command "${given}"${meant.length ? `; did you mean ${quotedChoice(meant)}?` : ''}`);
}

/** What follows a refusal: the tool's usage, or the command's forms, or only where its help is. */
function usageAfter(error: UsageError): string {
  if (!error.command) return `\n${usage(COMMANDS)}`;
  const help = `(\`timeline ${error.command.name} --help\` lists its options)\n`;
  if (error instanceof RefusedInput) return help;
  return `\nusage: ${synopsis(error.command).join('\n       ')}\n${help}`;
}

// a reader that stops early (`| head`) has what it wanted
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${usageAfter(error)}`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
