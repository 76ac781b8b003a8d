import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** The account the FTP and SFTP test servers log in (a real system user: vsftpd and sshd check /etc/shadow). */
export const TEST_USER = 'wdpoll';
export const TEST_PASSWORD = 'poll-test-Secret-7';

/** Why a protocol server cannot run here, or undefined when it can. */
export function missing(binary: string): string | undefined {
  if (!existsSync(binary))
    return `${binary} is not installed (.ci/run installs it: apt-get install vsftpd openssh-server dovecot-imapd)`;
  if (process.getuid?.() !== 0) return 'the protocol servers need root (they run as the test system user)';
  return undefined;
}

/** Creates the test system user once, and (re)sets its password; idempotent. */
export function ensureTestUser(): { uid: number; gid: number } {
  try {
    execFileSync('id', ['-u', TEST_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--home-dir', '/tmp', '--shell', '/bin/bash', TEST_USER]);
  }
  // vsftpd changes to the home folder before local_root: it must exist
  execFileSync('usermod', ['--home', '/tmp', TEST_USER]);
  execFileSync('chpasswd', { input: `${TEST_USER}:${TEST_PASSWORD}\n` });
  const uid = Number(execFileSync('id', ['-u', TEST_USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', TEST_USER]).toString().trim());
  return { uid, gid };
}

/** A free TCP port on 127.0.0.1 (and, with `run`, that many free ports in a row after it). */
export async function freePort(run = 1): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 40000);
    const ports = Array.from({ length: run }, (_, i) => base + i);
    if ((await Promise.all(ports.map(portIsFree))).every(Boolean)) return base;
  }
  throw new Error('no free port range found');
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Waits until something accepts connections on 127.0.0.1:port. */
export async function waitForPort(port: number, child: ChildProcess, what: string, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with status ${child.exitCode}`);
    if (!(await portIsFree(port))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not listen on port ${port} within ${timeoutMs} ms`);
}

/** A server process with its output kept (shown when it fails to start). */
export function startProcess(binary: string, args: string[]): { child: ChildProcess; output: () => string } {
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  return { child, output: () => output };
}

export async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  if (child.exitCode === null && !child.signalCode) child.kill('SIGKILL');
  // helpers the server started may still hold its output pipes: let go of them, they keep jest waiting otherwise
  child.stdout?.destroy();
  child.stderr?.destroy();
}

/** A self-signed certificate for 127.0.0.1 (openssl), usable as its own CA. */
export function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = `${dir}/server.crt`;
  const key = `${dir}/server.key`;
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}
