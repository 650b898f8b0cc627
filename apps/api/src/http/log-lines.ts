import { ConsoleLogger, type LogLevel } from '@nestjs/common';

/** Nest's own start-up chatter: one line per module and route, worth reading only when debugging. */
const START_UP = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'WebSocketsController']);

/** Levels as log shippers name them: Nest's `log` is `info`, its `verbose` is `trace`. */
const LEVEL_NAMES: Partial<Record<LogLevel, string>> = { log: 'info', verbose: 'trace' };

/**
 * The service's log: one JSON object a line, with the level as log shippers name it and the
 * time as an ISO instant. Nest's start-up lines are kept for `LOG_LEVEL=debug`.
 */
export class LogLines extends ConsoleLogger {
  constructor(private readonly levels: LogLevel[]) {
    super({ json: true, logLevels: levels });
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (typeof context === 'string' && START_UP.has(context) && !this.levels.includes('debug')) return;
    super.log(message, ...rest);
  }

  protected override stringifyJsonLogObject(line: Record<string, unknown>): string {
    const level = typeof line.level === 'string' ? (LEVEL_NAMES[line.level as LogLevel] ?? line.level) : line.level;
    const timestamp = typeof line.timestamp === 'number' ? new Date(line.timestamp).toISOString() : line.timestamp;
    return super.stringifyJsonLogObject({ ...line, level, timestamp });
  }
}
