import { JsonLogger, formatLogLine } from './json-logger';

function capture(level = 'info') {
  const lines: { line: Record<string, unknown>; level: string }[] = [];
  const logger = new JsonLogger('ingest', level, (line, lvl) => lines.push({ line: JSON.parse(line), level: lvl }));
  return { logger, lines };
}

describe('JsonLogger', () => {
  it('writes one JSON object per call with level, service, msg and context', () => {
    const { logger, lines } = capture();
    logger.log('listening', 'Bootstrap');
    expect(lines).toHaveLength(1);
    expect(lines[0].line).toMatchObject({ level: 'info', service: 'ingest', msg: 'listening', context: 'Bootstrap' });
    expect(typeof lines[0].line.time).toBe('string');
  });

  it('merges the fields of an object message, ingestId included', () => {
    const { logger, lines } = capture();
    logger.log({ msg: 'produced', ingestId: 'abc', partition: 2 });
    expect(lines[0].line).toMatchObject({ msg: 'produced', ingestId: 'abc', partition: 2 });
  });

  it('filters lines below the configured level', () => {
    const { logger, lines } = capture('warn');
    logger.log('hidden');
    logger.debug('hidden');
    logger.warn('shown');
    logger.error('also shown');
    expect(lines.map((l) => l.line.msg)).toEqual(['shown', 'also shown']);
  });

  it('keeps stack traces out of error lines unless debugging', () => {
    const { logger, lines } = capture('info');
    logger.error('failed', 'Error: boom\n    at x (file.ts:1:1)', 'Ctx');
    logger.error('failed again', 'Error: boom\n    at x (file.ts:1:1)');
    expect(lines[0].line).toEqual(expect.objectContaining({ msg: 'failed', context: 'Ctx' }));
    expect(lines[0].line.stack).toBeUndefined();
    expect(lines[1].line.context).toBeUndefined();
    expect(JSON.stringify(lines)).not.toContain('file.ts');
  });

  it('formats an Error by its message and name', () => {
    const line = formatLogLine('svc', 'error', new TypeError('bad'), undefined, undefined, new Date(0));
    expect(line).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      level: 'error',
      service: 'svc',
      msg: 'bad',
      error: 'TypeError',
    });
  });
});
