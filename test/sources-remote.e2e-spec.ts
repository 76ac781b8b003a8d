// Scheduled sources against real servers started here on 127.0.0.1 high ports: Debian's vsftpd (FTP and FTPS),
// OpenSSH's sshd (SFTP) and Dovecot (IMAP), each with its own configuration. Files once, a file still being written
// waits, after-fetch actions only after Kafka's acknowledgement, wrong passwords, a certificate for another name, a
// server that goes away and comes back, a mail with an attachment delivered as message/rfc822 and flagged after.
import { appendFileSync, existsSync, mkdirSync, readdirSync, writeFileSync, chownSync } from 'node:fs';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { MongoClient } from 'mongodb';
import { DONE_KEYWORD } from '../libs/polling/src';
import type { RunningApp } from './support/apps';
import { TopicReader, testKafka, type ReadMessage } from './support/kafka';
import { FtpServer, VSFTPD } from './support/servers/ftp-server';
import { DOVECOT, IMAP_PASSWORD, IMAP_USER, ImapServer } from './support/servers/imap-server';
import { SSHD, SftpServer } from './support/servers/sftp-server';
import { TEST_PASSWORD, TEST_USER, ensureTestUser, missing, selfSignedCertificate } from './support/servers/system';
import { pollNow, sharedTempDir, sourceView, sourcesConfig, startIngestWithSources } from './support/sources';
import { eventually } from './support/wait';

const why = missing(VSFTPD) ?? missing(SSHD) ?? missing(DOVECOT);
if (why) process.stderr.write(`sources-remote e2e skipped: ${why}\n`);
const describeIfServers = why ? describe.skip : describe;

const story = (n: number) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<nitf><head><title>Story ${n}</title></head><body><body.head><hedline><hl1>Story ${n}: ferry service resumes</hl1></hedline></body.head><body.content><p>Invented copy number ${n} for the poller test.</p></body.content></body></nitf>\n`;

function mailWithAttachment(subject: string): string {
  const attachment = Buffer.from(story(99)).toString('base64');
  return [
    'From: Desk Sender <sender@wire.invalid>',
    'To: desk@wire.invalid',
    `Subject: ${subject}`,
    'Date: Mon, 01 Jun 2026 10:00:00 +0000',
    `Message-ID: <${subject.replace(/\W/g, '')}@wire.invalid>`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Invented covering note: the story is attached.',
    '--b1',
    'Content-Type: application/xml; name="story.xml"',
    'Content-Disposition: attachment; filename="story.xml"',
    'Content-Transfer-Encoding: base64',
    '',
    attachment,
    '--b1--',
    '',
  ].join('\r\n');
}

describeIfServers('scheduled sources on FTP, FTPS, SFTP and IMAP servers', () => {
  const dir = sharedTempDir('wd-e2e-remote-');
  const dbName = `e2e_sources_remote_${Date.now()}`;
  const ftpRoot = join(dir, 'ftp');
  const sftpRoot = join(dir, 'sftp');
  let owner: { uid: number; gid: number };
  let ftp: FtpServer;
  let ftps: FtpServer;
  let sftp: SftpServer;
  let imap: ImapServer;
  let ingest: RunningApp;
  let raw: TopicReader;
  let mongo: MongoClient;
  let ca: string;
  let config: ReturnType<typeof sourcesConfig>;

  const delivered = (source: string): ReadMessage[] => raw.messages.filter((m) => m.headers['wd-source'] === source);
  const put = (root: string, name: string, text: string) => {
    writeFileSync(join(root, name), text);
    chownSync(join(root, name), owner.uid, owner.gid);
  };

  beforeAll(async () => {
    owner = ensureTestUser();
    for (const d of [
      ftpRoot,
      join(ftpRoot, 'in'),
      join(ftpRoot, 'grow'),
      join(ftpRoot, 'keep'),
      sftpRoot,
      join(dir, 'tls'),
    ]) {
      mkdirSync(d, { recursive: true });
      chownSync(d, owner.uid, owner.gid);
    }
    const tls = selfSignedCertificate(join(dir, 'tls'));
    ca = tls.cert;
    ftp = new FtpServer(join(dir, 'tls'), ftpRoot, owner);
    ftps = new FtpServer(join(dir, 'tls'), ftpRoot, owner, tls);
    sftp = new SftpServer(join(dir, 'tls'));
    imap = new ImapServer(join(dir, 'imap'), owner);
    mkdirSync(join(dir, 'imap'), { recursive: true });
    await Promise.all([ftp.start(), ftps.start(), sftp.start(), imap.start()]);
    process.env.E2E_FTP_PASSWORD = TEST_PASSWORD;
    process.env.E2E_IMAP_PASSWORD = IMAP_PASSWORD;
    writeFileSync(join(dir, 'wrong-password'), 'not-the-password\n');
    const hourly = { interval: '1h' };
    const login = { username: TEST_USER, password: { env: 'E2E_FTP_PASSWORD' } };
    const base = { where: '127.0.0.1', schedule: hourly };
    config = sourcesConfig(
      'sources-remote',
      [
        {
          ...base,
          id: 'ftp-in',
          kind: 'ftp',
          port: ftp.port,
          path: '/in',
          pattern: '*.xml',
          credentials: login,
          afterFetch: { move: '/done' },
          format: 'nitf',
        },
        { ...base, id: 'ftp-grow', kind: 'ftp', port: ftp.port, path: '/grow', credentials: login, enabled: false },
        {
          ...base,
          id: 'ftp-wrong',
          kind: 'ftp',
          port: ftp.port,
          path: '/in',
          credentials: { username: TEST_USER, password: { file: join(dir, 'wrong-password') } },
        },
        { ...base, id: 'ftp-keep', kind: 'ftp', port: ftp.port, path: '/keep', credentials: login, enabled: false },
        {
          ...base,
          id: 'ftps-in',
          kind: 'ftps',
          port: ftps.port,
          path: '/in',
          pattern: '*.xml',
          credentials: login,
          tls: { ca },
          enabled: false,
        },
        {
          ...base,
          id: 'ftps-mismatch',
          kind: 'ftps',
          port: ftps.port,
          path: '/in',
          credentials: login,
          tls: { ca, servername: 'wire.example.invalid' },
        },
        {
          ...base,
          id: 'sftp-in',
          kind: 'sftp',
          port: sftp.port,
          path: sftpRoot,
          credentials: login,
          hostKey: sftp.fingerprint,
          afterFetch: 'delete',
        },
        {
          ...base,
          id: 'sftp-wrong',
          kind: 'sftp',
          port: sftp.port,
          path: sftpRoot,
          credentials: { username: TEST_USER, password: { file: join(dir, 'wrong-password') } },
        },
        {
          ...base,
          id: 'mail-in',
          kind: 'imap',
          port: imap.port,
          secure: false,
          credentials: { username: IMAP_USER, password: { env: 'E2E_IMAP_PASSWORD' } },
        },
      ],
      dir,
    );
    mongo = await new MongoClient(config.mongoUrl).connect();
    ingest = await startIngestWithSources(config, dbName);
    raw = await new TopicReader(testKafka(config.kafkaBrokers), config.topics.wireRaw).start();
  });

  afterAll(async () => {
    await raw?.stop();
    await ingest?.close();
    await Promise.all([ftp?.stop(), ftps?.stop(), sftp?.stop(), imap?.stop()]);
    await mongo
      ?.db(dbName)
      .dropDatabase()
      .catch(() => undefined);
    await mongo?.close();
  });

  it('FTP: delivers each file once with its exact bytes, then moves it aside', async () => {
    put(join(ftpRoot, 'in'), 'a.xml', story(1));
    put(join(ftpRoot, 'in'), 'b.xml', story(2));
    put(join(ftpRoot, 'in'), 'skip.txt', 'not matching the pattern');
    const result = await pollNow(ingest.url, 'ftp-in');
    expect(result).toMatchObject({ status: 'polled', delivered: 2 });
    const messages = await eventually(() => delivered('ftp-in').length === 2 && delivered('ftp-in'));
    const byName = Object.fromEntries(messages.map((m) => [m.headers['wd-filename'], m]));
    expect(byName['a.xml'].value!.toString()).toBe(story(1));
    expect(byName['a.xml'].headers).toMatchObject({ 'wd-channel': 'ftp', 'wd-format': 'nitf' });
    expect(readdirSync(join(ftpRoot, 'in')).sort()).toEqual(['skip.txt']);
    expect(readdirSync(join(ftpRoot, 'done')).sort()).toEqual(['a.xml', 'b.xml']);
    expect(await pollNow(ingest.url, 'ftp-in')).toMatchObject({ status: 'polled', delivered: 0 });
  });

  it('FTP: a file still being written waits until it has stopped growing', async () => {
    await http(`${ingest.url}/v1/sources/ftp-grow/enable`);
    const path = join(ftpRoot, 'grow', 'long.xml');
    const text = story(3);
    put(join(ftpRoot, 'grow'), 'long.xml', text.slice(0, 10));
    // a slow writer: a few bytes every 100 ms for three seconds, while the poll looks twice, 600 ms apart
    const writer = (async () => {
      for (let at = 10; at < text.length; at += Math.ceil((text.length - 10) / 30)) {
        await new Promise((r) => setTimeout(r, 100));
        appendFileSync(path, text.slice(at, at + Math.ceil((text.length - 10) / 30)));
      }
    })();
    expect(await pollNow(ingest.url, 'ftp-grow')).toMatchObject({ status: 'polled', delivered: 0 });
    await writer;
    expect(await pollNow(ingest.url, 'ftp-grow')).toMatchObject({ status: 'polled', delivered: 1 });
    const [m] = await eventually(() => delivered('ftp-grow').length === 1 && delivered('ftp-grow'));
    expect(m.value!.toString()).toBe(story(3));
    expect(await pollNow(ingest.url, 'ftp-grow')).toMatchObject({ delivered: 0 });
  });

  it('FTP: a file left on the server is not fetched again after a restart; rewritten, it is a new item', async () => {
    await http(`${ingest.url}/v1/sources/ftp-keep/enable`);
    put(join(ftpRoot, 'keep'), 'stay.xml', story(7));
    expect(await pollNow(ingest.url, 'ftp-keep')).toMatchObject({ status: 'polled', delivered: 1 });
    await ingest.close();
    ingest = await startIngestWithSources(config, dbName);
    expect(await pollNow(ingest.url, 'ftp-keep')).toMatchObject({ status: 'polled', offered: 1, delivered: 0 });
    put(join(ftpRoot, 'keep'), 'stay.xml', story(8) + '<!-- corrected -->\n');
    expect(await pollNow(ingest.url, 'ftp-keep')).toMatchObject({ status: 'polled', delivered: 1 });
    const messages = await eventually(() => delivered('ftp-keep').length === 2 && delivered('ftp-keep'));
    expect(messages.map((m) => m.headers['wd-ingest-id'])[0]).not.toBe(messages[1].headers['wd-ingest-id']);
  });

  it('FTP and SFTP: a wrong password is kept as an authentication error', async () => {
    expect(await pollNow(ingest.url, 'ftp-wrong')).toMatchObject({ status: 'failed', kind: 'auth' });
    expect(await pollNow(ingest.url, 'sftp-wrong')).toMatchObject({ status: 'failed', kind: 'auth' });
    const view = await sourceView(ingest.url, 'sftp-wrong');
    expect(view.status.lastError?.kind).toBe('auth');
    expect(JSON.stringify(view)).not.toContain(TEST_PASSWORD);
  });

  it('FTPS: delivers over TLS with a trusted CA, refuses a certificate for another name', async () => {
    put(join(ftpRoot, 'in'), 'c.xml', story(4));
    await http(`${ingest.url}/v1/sources/ftps-in/enable`);
    expect(await pollNow(ingest.url, 'ftps-in')).toMatchObject({ status: 'polled', delivered: 1 });
    const [m] = await eventually(() => delivered('ftps-in').length === 1 && delivered('ftps-in'));
    expect(m.value!.toString()).toBe(story(4));
    expect(await pollNow(ingest.url, 'ftps-mismatch')).toMatchObject({ status: 'failed', kind: 'tls' });
  });

  it('SFTP: delivers once and deletes; survives the server going away and coming back', async () => {
    put(sftpRoot, 'd.xml', story(5));
    expect(await pollNow(ingest.url, 'sftp-in')).toMatchObject({ status: 'polled', delivered: 1 });
    expect(existsSync(join(sftpRoot, 'd.xml'))).toBe(false);
    const port = sftp.port;
    await sftp.stop();
    put(sftpRoot, 'e.xml', story(6));
    expect(await pollNow(ingest.url, 'sftp-in')).toMatchObject({ status: 'failed', kind: 'unreachable' });
    await sftp.start(port);
    expect(await pollNow(ingest.url, 'sftp-in')).toMatchObject({ status: 'polled', delivered: 1 });
    await eventually(() => delivered('sftp-in').length === 2, 30000, 'two sftp files');
    expect(delivered('sftp-in').map((m) => m.value!.toString())).toEqual([story(5), story(6)]);
  });

  it('IMAP: a message with an attachment is delivered once as message/rfc822, and flagged done after', async () => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port: imap.port,
      secure: false,
      auth: { user: IMAP_USER, pass: IMAP_PASSWORD },
      logger: false,
    });
    await client.connect();
    const mail = mailWithAttachment('Ferry resumes');
    await client.append('INBOX', mail);
    const result = await pollNow(ingest.url, 'mail-in');
    expect(result).toMatchObject({ status: 'polled', delivered: 1 });
    const [m] = await eventually(() => delivered('mail-in').length === 1 && delivered('mail-in'));
    expect(m.value!.toString()).toBe(mail);
    expect(m.headers).toMatchObject({ 'content-type': 'message/rfc822', 'wd-channel': 'imap' });
    const lock = await client.getMailboxLock('INBOX');
    try {
      const flagged = (await client.search({ keyword: DONE_KEYWORD }, { uid: true })) || [];
      expect(flagged).toHaveLength(1);
    } finally {
      lock.release();
    }
    expect(await pollNow(ingest.url, 'mail-in')).toMatchObject({ status: 'polled', offered: 0, delivered: 0 });
    // the flag lost (a crash after remembering, before flagging): offered again, not delivered again, flagged
    await client.mailboxOpen('INBOX');
    await client.messageFlagsRemove('1:*', [DONE_KEYWORD]);
    expect(await pollNow(ingest.url, 'mail-in')).toMatchObject({ status: 'polled', offered: 1, delivered: 0 });
    await client.logout();
    expect(delivered('mail-in')).toHaveLength(1);
  });
});

async function http(url: string): Promise<void> {
  const res = await fetch(url, { method: 'POST' });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
}
