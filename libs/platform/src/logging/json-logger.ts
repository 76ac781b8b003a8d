import type { LoggerService, LogLevel } from '@nestjs/common';
import pino, { type Logger } from 'pino';

/** Fields a caller may attach to one log line. `ingestId` ties every line of an item's path together. */
export interface LogFields {
  ingestId?: string;
  [field: string]: unknown;
}

export interface LogLine extends LogFields {
  time: string;
  level: string;
  service: string;
  msg: string;
  context?: string;
}

/**
 * Builds one structured log line. A message may be a string, an Error or an object with `msg` plus fields
 * (`logger.log({ msg: 'produced', ingestId })`). Callers must never pass raw copy: only ids, codes and counts.
 */
export function formatLogLine(
  service: string,
  level: string,
  message: unknown,
  context?: string,
  extra?: LogFields,
  now: Date = new Date(),
): LogLine {
  const line: LogLine = { time: now.toISOString(), level, service, msg: '' };
  if (context) line.context = context;
  if (message instanceof Error) {
    line.msg = message.message;
    line.error = message.name;
  } else if (message !== null && typeof message === 'object') {
    const { msg, message: text, ...fields } = message as Record<string, unknown>;
    Object.assign(line, fields);
    line.msg = String(msg ?? text ?? '');
  } else {
    line.msg = String(message);
  }
  if (extra) Object.assign(line, extra);
  return line;
}

/** Nest's level names in pino's numbers (pino has `trace` where Nest has `verbose`). */
const PINO_LEVELS: Record<string, number> = {
  fatal: 60,
  error: 50,
  warn: 40,
  info: 30,
  log: 30,
  debug: 20,
  verbose: 10,
};
const LEVEL_BY_NUMBER: Record<number, string> = {
  60: 'fatal',
  50: 'error',
  40: 'warn',
  30: 'info',
  20: 'debug',
  10: 'verbose',
};

/**
 * Nest LoggerService on pino: one JSON object per line (errors and fatals to stderr, the rest to stdout), so log
 * shippers need no parsing rules and `wiredesk up` can render the same lines for a person. Stack traces are kept out
 * of the line unless the level is debug.
 */
export class JsonLogger implements LoggerService {
  private readonly pino: Logger<'verbose'>;

  constructor(
    readonly service: string,
    level: string = process.env.LOG_LEVEL || 'info',
    write: (line: string, level: string) => void = defaultWrite,
  ) {
    const destination = {
      write: (line: string) => {
        const number = Number(/"level":(\d+)/.exec(line)?.[1] ?? 30);
        write(
          line.replace(/"level":\d+/, `"level":"${LEVEL_BY_NUMBER[number] ?? 'info'}"`).trimEnd(),
          LEVEL_BY_NUMBER[number] ?? 'info',
        );
      },
    };
    this.pino = pino(
      {
        level: level === 'log' ? 'info' : level in PINO_LEVELS ? level : 'info',
        customLevels: { verbose: PINO_LEVELS.verbose },
        base: { service },
        messageKey: 'msg',
        timestamp: () => `,"time":"${new Date().toISOString()}"`,
      },
      destination,
    );
  }

  log(message: unknown, ...optional: unknown[]): void {
    this.emit('info', message, optional);
  }
  error(message: unknown, ...optional: unknown[]): void {
    // Nest calls error(message, stack?, context?); a stack is only written when debugging
    const rest = optional.filter((item) => {
      const isStack = typeof item === 'string' && /\n\s+at /.test(item);
      return !isStack;
    });
    const stack = optional.find((item) => typeof item === 'string' && /\n\s+at /.test(item));
    if (stack && this.isLevelEnabled('debug')) rest.push({ stack });
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...optional: unknown[]): void {
    this.emit('warn', message, optional);
  }
  debug(message: unknown, ...optional: unknown[]): void {
    this.emit('debug', message, optional);
  }
  verbose(message: unknown, ...optional: unknown[]): void {
    this.emit('verbose', message, optional);
  }
  fatal(message: unknown, ...optional: unknown[]): void {
    this.emit('fatal', message, optional);
  }
  setLogLevels(levels: LogLevel[]): void {
    const lowest = Math.min(...levels.map((l) => PINO_LEVELS[l] ?? 60));
    this.pino.level = Number.isFinite(lowest) ? (LEVEL_BY_NUMBER[lowest] ?? 'info') : 'silent';
  }

  isLevelEnabled(level: string): boolean {
    return this.pino.isLevelEnabled(level === 'log' ? 'info' : level);
  }

  /** Structured entry point for code that has fields to attach. */
  entry(level: string, msg: string, fields?: LogFields, context?: string): void {
    if (!this.isLevelEnabled(level)) return;
    this.write(formatLogLine(this.service, level, msg, context, fields));
  }

  private emit(level: string, message: unknown, optional: unknown[]): void {
    if (!this.isLevelEnabled(level)) return;
    let context: string | undefined;
    let extra: LogFields | undefined;
    for (const item of optional) {
      if (typeof item === 'string') context = item;
      else if (item && typeof item === 'object') extra = { ...(extra ?? {}), ...(item as LogFields) };
    }
    this.write(formatLogLine(this.service, level, message, context, extra));
  }

  private write(line: LogLine): void {
    const { time: _time, level, service: _service, msg, ...fields } = line;
    this.pino[(level === 'log' ? 'info' : level) as 'info'](fields, msg);
  }
}

function defaultWrite(line: string, level: string): void {
  (level === 'error' || level === 'fatal' ? process.stderr : process.stdout).write(line + '\n');
}
