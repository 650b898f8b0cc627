/** An option of a command: what the parser checks and the help shows. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  /** One letter: `-o` beside `--out`. */
  short?: string;
  /** What the value is, as the help shows it: `<dir>`, `YYYY-MM-DD`. */
  value?: string;
  /** The only values the option takes; the help lists them and the parser refuses any other. */
  values?: readonly string[];
  /** The command cannot run without it. */
  required?: boolean;
  /** A free value's problem (`must be a date YYYY-MM-DD`), or undefined when it is good. */
  check?: (value: string) => string | undefined;
  description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

type ValueOf<S extends OptionSpec> = S['type'] extends 'boolean'
  ? boolean
  : S extends { values: readonly (infer V)[] }
    ? V
    : string;

type RequiredNames<O extends OptionSpecs> = { [K in keyof O]: O[K] extends { required: true } ? K : never }[keyof O];

/** The options as given: enumerated ones typed by their values, required ones always there. */
export type OptionValues<O extends OptionSpecs> = { [K in RequiredNames<O>]: ValueOf<O[K]> } & {
  [K in Exclude<keyof O, RequiredNames<O>>]?: ValueOf<O[K]>;
};

/** A command line as its command receives it: the arguments by name, the options checked. */
export interface CommandLine<A extends string = string, O extends OptionSpecs = OptionSpecs> {
  args: Record<A, string>;
  options: OptionValues<O>;
}

/**
 * A command of the terminal tool. The table in commands/index.ts lists them; the parser and the
 * help are made from these declarations, so a new command is its own file and one entry there.
 */
export interface Command<A extends string = string, O extends OptionSpecs = OptionSpecs> {
  /** One word, or a few: `load`, `source impact`. */
  name: string;
  /** Its arguments in order, each required: `campaign` shows as `<campaign>`. */
  args: readonly A[];
  /** One line: what it does. */
  summary: string;
  options: O;
  /** The shapes of its command line, when the options alone do not say which go together. */
  forms?: readonly string[];
  /** Lines the help adds after the options: what it prints, how the options combine. */
  notes?: readonly string[];
  /** Answers the exit code: 0 done, 1 failed. A `UsageError` it throws exits with 2. */
  run(line: CommandLine<A, O>): Promise<number>;
}

/**
 * A command for the table: its `run` reads its own options typed, the table holds every command
 * alike. The parser checked the line against these very declarations before `run` is called.
 */
export function defineCommand<const A extends string, const O extends OptionSpecs>(command: Command<A, O>): Command {
  return { ...command, run: (line) => command.run(line as CommandLine<A, O>) };
}

/** A command line the tool cannot run: exits with 2, with the message and where to read more. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command it is about, whose usage follows the message. */
    readonly command?: Command,
  ) {
    super(message);
  }

  /** The same refusal, about `command`. */
  about(command: Command): UsageError {
    return new UsageError(this.message, command);
  }
}

/**
 * A well-formed command line whose campaign, place, source, side or key the record or the service
 * refuses: no usage follows the message, which names the nearest the record does hold.
 */
export class RefusedInput extends UsageError {
  override about(command: Command): UsageError {
    return new RefusedInput(this.message, command);
  }
}
