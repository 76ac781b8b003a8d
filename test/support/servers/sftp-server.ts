import { execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_USER, freePort, startProcess, stopProcess, waitForPort } from './system';

export const SSHD = '/usr/sbin/sshd';

/** Debian's OpenSSH sshd, not as a daemon, with its own config and host key on 127.0.0.1: SFTP only, passwords. */
export class SftpServer {
  port = 0;
  fingerprint = '';
  private child: ChildProcess | undefined;

  constructor(private readonly dir: string) {}

  async start(port?: number): Promise<void> {
    this.port = port ?? (await freePort());
    const hostKey = join(this.dir, 'ssh_host_ed25519_key');
    try {
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey], { stdio: 'ignore' });
    } catch {
      // exists already (a restart)
    }
    chmodSync(hostKey, 0o600);
    this.fingerprint = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${hostKey}.pub`])
      .toString()
      .split(' ')[1];
    mkdirSync('/run/sshd', { recursive: true }); // privilege separation directory sshd insists on
    const conf = join(this.dir, 'sshd_config');
    writeFileSync(
      conf,
      [
        `Port ${this.port}`,
        'ListenAddress 127.0.0.1',
        `HostKey ${hostKey}`,
        `PidFile ${join(this.dir, 'sshd.pid')}`,
        'PasswordAuthentication yes',
        'KbdInteractiveAuthentication no',
        'PubkeyAuthentication no',
        'UsePAM no',
        'PermitRootLogin no',
        `AllowUsers ${TEST_USER}`,
        'StrictModes no',
        'Subsystem sftp internal-sftp',
        'LogLevel ERROR',
      ].join('\n') + '\n',
    );
    const { child, output } = startProcess(SSHD, ['-D', '-e', '-f', conf]);
    this.child = child;
    await waitForPort(this.port, child, `sshd (${output()})`);
  }

  stop(): Promise<void> {
    return stopProcess(this.child);
  }
}
