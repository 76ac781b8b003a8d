import { mkdirSync, writeFileSync, chownSync } from 'node:fs';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { TEST_USER, freePort, startProcess, stopProcess, waitForPort } from './system';

export const DOVECOT = '/usr/sbin/dovecot';
export const IMAP_USER = 'desk@wire.invalid';
export const IMAP_PASSWORD = 'imap-test-Secret-3';

/** Debian's Dovecot in the foreground with its own config, a passwd-file user and maildirs, plain IMAP on 127.0.0.1. */
export class ImapServer {
  port = 0;
  private child: ChildProcess | undefined;

  constructor(
    private readonly dir: string,
    private readonly owner: { uid: number; gid: number },
  ) {}

  async start(): Promise<void> {
    this.port = await freePort();
    const mail = join(this.dir, 'mail');
    for (const d of ['run', 'state', 'mail']) mkdirSync(join(this.dir, d), { recursive: true });
    chownSync(mail, this.owner.uid, this.owner.gid);
    writeFileSync(join(this.dir, 'passwd'), `${IMAP_USER}:{PLAIN}${IMAP_PASSWORD}::::::\n`);
    const conf = join(this.dir, 'dovecot.conf');
    writeFileSync(
      conf,
      `
base_dir = ${join(this.dir, 'run')}
state_dir = ${join(this.dir, 'state')}
log_path = ${join(this.dir, 'dovecot.log')}
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${mail}/%u
default_login_user = dovenull
default_internal_user = dovecot
passdb {
  driver = passwd-file
  args = scheme=PLAIN ${join(this.dir, 'passwd')}
}
userdb {
  driver = static
  args = uid=${TEST_USER} gid=${this.owner.gid} home=${mail}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${this.port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
`,
    );
    const { child, output } = startProcess(DOVECOT, ['-F', '-c', conf]);
    this.child = child;
    await waitForPort(this.port, child, `dovecot (${output()})`);
  }

  stop(): Promise<void> {
    return stopProcess(this.child);
  }
}
