import { prettyFactory } from 'pino-pretty';

/** The services' levels (libs/platform's JsonLogger writes them by name): what pino-pretty colours them by. */
const LEVELS = 'fatal:60,error:50,warn:40,info:30,debug:20,verbose:10';

/**
 * Turns the services' JSON log lines into one readable line an event for a person at a terminal
 * (`11:50:00.123 INFO: produced {"ingestId":"…"}`), coloured when the terminal shows colours. Anything that is not a
 * JSON log line (a crash's stack trace, a tool's own output) passes through as it is.
 */
export function humanLogLines(colour: boolean): (line: string) => string {
  const pretty = prettyFactory({
    colorize: colour,
    translateTime: 'HH:MM:ss.l',
    ignore: 'service,pid,hostname',
    singleLine: true,
    messageKey: 'msg',
    customLevels: LEVELS,
    useOnlyCustomProps: true,
  });
  return (line) => (line.startsWith('{') ? pretty(line).trimEnd() : line);
}
