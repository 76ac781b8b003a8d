import { chownSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { freePort, startProcess, stopProcess, waitForPort } from './system';

export const VSFTPD = '/usr/sbin/vsftpd';

/**
 * Debian's vsftpd in the foreground with its own configuration, on 127.0.0.1 and a high port, serving `root` to the
 * test system user; with `tls`, FTPS (explicit AUTH TLS, required for login and data).
 */
export class FtpServer {
  port = 0;
  private child: ChildProcess | undefined;

  constructor(
    private readonly dir: string,
    private readonly root: string,
    private readonly owner: { uid: number; gid: number },
    private readonly tls?: { cert: string; key: string },
  ) {}

  async start(): Promise<void> {
    this.port = await freePort();
    const pasv = await freePort(20);
    const empty = join(this.dir, 'empty');
    mkdirSync(empty, { recursive: true });
    chownSync(this.root, this.owner.uid, this.owner.gid);
    const lines = [
      'listen=YES',
      'listen_ipv6=NO',
      'listen_address=127.0.0.1',
      `listen_port=${this.port}`,
      'background=NO',
      'anonymous_enable=NO',
      'local_enable=YES',
      'chroot_local_user=YES',
      'allow_writeable_chroot=YES',
      'write_enable=YES',
      `local_root=${this.root}`,
      'pasv_enable=YES',
      'pasv_address=127.0.0.1',
      `pasv_min_port=${pasv}`,
      `pasv_max_port=${pasv + 19}`,
      'seccomp_sandbox=NO',
      `secure_chroot_dir=${empty}`,
      'pam_service_name=vsftpd',
      'xferlog_enable=NO',
      'delay_failed_login=0',
      'use_localtime=NO',
      'max_per_ip=0',
    ];
    if (this.tls) {
      lines.push(
        'ssl_enable=YES',
        `rsa_cert_file=${this.tls.cert}`,
        `rsa_private_key_file=${this.tls.key}`,
        'force_local_logins_ssl=YES',
        'force_local_data_ssl=YES',
        'require_ssl_reuse=NO',
        'ssl_ciphers=HIGH',
      );
    }
    const conf = join(this.dir, `vsftpd-${this.port}.conf`);
    writeFileSync(conf, lines.join('\n') + '\n');
    const { child, output } = startProcess(VSFTPD, [conf]);
    this.child = child;
    await waitForPort(this.port, child, `vsftpd (${output()})`);
  }

  stop(): Promise<void> {
    return stopProcess(this.child);
  }
}
