import { importsOf, isTestFile, resolveTarget, type SourceFile } from './sources';

export type TestLevel = 'unit' | 'int' | 'e2e';

/** The level a test file names (`x.unit.test.ts`), or undefined when it names none. */
export function levelOf(path: string): TestLevel | undefined {
  return /\.(unit|int|e2e)\.test\.[cm]?tsx?$/.exec(path)?.[1] as TestLevel | undefined;
}

/** What reaches through the shell: the HTTP app, sockets, child processes, the browser. */
const SHELL = [
  /^supertest$/,
  /^playwright(-core)?$/,
  /^(node:)?(child_process|net|http|https)$/,
  /^socket\.io-client$/,
  /^ws$/,
  /^test\/support\/(app|server-process|browser|netns)$/,
];
/** What a unit test leaves to the integration tests: a database, Redis, the store's adapters. */
const ADAPTERS = [/^better-sqlite3$/, /^pg$/, /^ioredis$/, /^@kurrent\//, /^test\/support\/redis$/];

/** Why a test file's imports do not fit the level its name gives, one line each. */
export function levelMismatches({ path, text }: SourceFile): string[] {
  if (!/\.test\.[cm]?tsx?$/.test(path) || !isTestFile(path)) return [];
  const level = levelOf(path);
  if (!level) return [`${path} names no level: rename it to .unit.test.ts, .int.test.ts or .e2e.test.ts`];
  const banned = level === 'unit' ? [...SHELL, ...ADAPTERS] : level === 'int' ? SHELL : [];
  return importsOf(text)
    .filter(({ specifier }) => banned.some((pattern) => pattern.test(resolveTarget(path, specifier))))
    .map(
      ({ specifier, line }) =>
        `${path}:${line} imports '${specifier}', which ${level === 'unit' ? 'a' : 'an'} ${level} test does not use`,
    );
}
