import type { LoggerService, LogLevel } from '@nestjs/common';

/** Severity order used to filter lines; `LOG_LEVEL` names the lowest one written. */
const LEVEL_RANK: Record<string, number> = { fatal: 0, error: 1, warn: 2, info: 3, log: 3, debug: 4, verbose: 5 };

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

/**
 * Nest LoggerService writing one JSON object per line to stdout (errors to stderr), so log shippers need no parsing
 * rules. Stack traces are kept out of the line unless the level is debug.
 */
export class JsonLogger implements LoggerService {
  private threshold: number;

  constructor(
    readonly service: string,
    level: string = process.env.LOG_LEVEL || 'info',
    private readonly write: (line: string, level: string) => void = defaultWrite,
  ) {
    this.threshold = LEVEL_RANK[level] ?? LEVEL_RANK.info;
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
    if (stack && this.threshold >= LEVEL_RANK.debug) rest.push({ stack });
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
    const ranks = levels.map((l) => LEVEL_RANK[l] ?? 0);
    this.threshold = ranks.length ? Math.max(...ranks) : -1;
  }

  isLevelEnabled(level: string): boolean {
    return (LEVEL_RANK[level] ?? 0) <= this.threshold;
  }

  /** Structured entry point for code that has fields to attach. */
  entry(level: string, msg: string, fields?: LogFields, context?: string): void {
    if (!this.isLevelEnabled(level)) return;
    this.write(JSON.stringify(formatLogLine(this.service, level, msg, context, fields)), level);
  }

  private emit(level: string, message: unknown, optional: unknown[]): void {
    if (!this.isLevelEnabled(level)) return;
    let context: string | undefined;
    let extra: LogFields | undefined;
    for (const item of optional) {
      if (typeof item === 'string') context = item;
      else if (item && typeof item === 'object') extra = { ...(extra ?? {}), ...(item as LogFields) };
    }
    this.write(JSON.stringify(formatLogLine(this.service, level, message, context, extra)), level);
  }
}

function defaultWrite(line: string, level: string): void {
  (level === 'error' || level === 'fatal' ? process.stderr : process.stdout).write(line + '\n');
}
