import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InfraError } from './errors';
import { findOnPath, parseGoVersion, parseJavaMajor, requireTool, runCommand, tail } from './tools';

describe('findOnPath / requireTool', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wd-tools-'));
  writeFileSync(join(dir, 'mvn'), '#!/bin/sh\n');
  chmodSync(join(dir, 'mvn'), 0o755);
  writeFileSync(join(dir, 'go'), 'not executable');

  it('finds executables only', () => {
    expect(findOnPath('mvn', { PATH: dir })).toBe(join(dir, 'mvn'));
    expect(findOnPath('go', { PATH: dir })).toBeUndefined();
  });

  it('explains a missing tool in one line: what for, how to install, what else to do', () => {
    let error: unknown;
    try {
      requireTool('java', 'to run Kafka', 'set KAFKA_BROKERS to an existing Kafka', { PATH: dir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InfraError);
    const e = error as InfraError;
    expect(e.code).toBe('MISSING_TOOL');
    expect(e.message).toMatch(/^java not found on PATH: it is needed to run Kafka; install .*KAFKA_BROKERS/);
    expect(e.message).not.toContain('\n');
  });
});

describe('version parsing', () => {
  it('reads the Java major version, old and new style', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('nonsense')).toBeUndefined();
  });

  it('reads the Go version', () => {
    expect(parseGoVersion('go version go1.26.8 linux/amd64')).toEqual([1, 26]);
    expect(parseGoVersion('go version go1.22rc1 linux/amd64')).toEqual([1, 22]);
  });
});

describe('runCommand', () => {
  it('captures output and the exit code', async () => {
    const r = await runCommand('sh', ['-c', 'echo out; echo err >&2; exit 3']);
    expect(r).toMatchObject({ code: 3, stdout: 'out\n', stderr: 'err\n' });
  });

  it('is interrupted by an abort signal', async () => {
    const controller = new AbortController();
    const running = runCommand('sleep', ['30'], { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('tail', () => {
  it('keeps the last lines', () => {
    expect(tail('a\nb\nc\nd\n', 2)).toBe('c\nd');
  });
});
