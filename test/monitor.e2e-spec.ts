/**
 * The wire monitor page (`/` on the archive) in a real headless browser (Debian's chromium driven by playwright-core),
 * against the real Kafka and store, with API keys on: the page loads without a key, asks for one, then shows the
 * stories (headline, source, time, kill mark, tags, caption) and the counts, narrows the list through the API's q and
 * tag filters, and shows a new story without a reload.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Kafka, Producer } from 'kafkajs';
import type { Connection } from 'mongoose';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Ninjs } from '@wiredesk/ninjs';
import { killOf, ninjsOf } from '../libs/storage/testing/article-fixtures';
import { startArchive } from './support/apps';
import { articleRecord } from './support/articles';
import { e2eConfig } from './support/e2e-config';
import { http } from './support/http';
import { testKafka, testProducer } from './support/kafka';
import { eventually } from './support/wait';

const CHROMIUM = '/usr/bin/chromium';
const READER = 'monitor-reader-key-0123456789';
const config = e2eConfig('monitor', { API_KEYS: `${READER}:read` });
const DB_NAME = `wd_monitor_e2e_${config.suffix.replace(/\W/g, '_')}`;
const PREFIX = `urn:e2e-monitor:${config.suffix}`;
/** how long the page may take to show what was produced (Kafka → archive → store → next 2 s poll) */
const SEEN_WITHIN_MS = 20000;

const WD = 'http://www.wikidata.org/entity/';
const now = Date.now();
const minutesAgo = (m: number) => new Date(now - m * 60000).toISOString();

const natoStory: Ninjs = {
  ...ninjsOf({
    uri: `${PREFIX}:nato`,
    versionCreated: minutesAgo(30),
    headline: 'NATO allies agree on cyber defence plan',
    paragraphs: ['Ministers meeting in Brussels agreed a joint plan against cyber attacks.'],
    people: [['Jens Stoltenberg', `${WD}Q57287`]],
    organisations: [['NATO', `${WD}Q7184`]],
    places: [['Belgium', 'http://cv.iptc.org/newscodes/iso3166-1a2/BE']],
  }),
  infoSources: [{ name: 'AFP', role: 'originator' }],
  associations: [
    {
      name: 'picture1',
      uri: `${PREFIX}:nato:picture`,
      type: 'picture',
      descriptions: [{ role: 'caption', contentType: 'text/plain', value: 'Ministers arrive at NATO headquarters.' }],
    },
  ],
};

const harbourStory: Ninjs = {
  ...ninjsOf({
    uri: `${PREFIX}:harbour`,
    versionCreated: minutesAgo(20),
    headline: 'Harbour strike ends after talks <img src=x id=injected>',
    paragraphs: ['Dock workers in Rotterdam returned to work after a week-long strike.'],
    places: [['Netherlands', 'http://cv.iptc.org/newscodes/iso3166-1a2/NL']],
  }),
  copyrightHolder: 'ANP',
};

const killedStory = ninjsOf({
  uri: `${PREFIX}:killed`,
  versionCreated: minutesAgo(15),
  headline: 'Company reports record profit',
  paragraphs: ['The company said profit doubled.'],
  places: [['Netherlands', 'http://cv.iptc.org/newscodes/iso3166-1a2/NL']],
});

const lateStory = ninjsOf({
  uri: `${PREFIX}:late`,
  versionCreated: minutesAgo(1),
  headline: 'Storm closes Alpine passes',
  paragraphs: ['Heavy snow closed several passes in the Alps on Tuesday.'],
});

describe('wire monitor page (headless chromium, real Kafka and store, API keys on)', () => {
  let app: INestApplication | undefined;
  let base: string;
  let kafka: Kafka;
  let producer: Producer | undefined;
  let connection: Connection | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let profileDir: string | undefined;
  const pageProblems: string[] = [];
  /** statuses of the page's GET /v1/articles polls */
  const listStatuses: number[] = [];

  const headlines = () => page.locator('#stories .story .headline').allTextContents();
  const storyCount = () => page.locator('#stories .story').count();
  const waitForStories = (predicate: (texts: string[]) => boolean, what: string) =>
    eventually(async () => predicate(await headlines()), SEEN_WITHIN_MS, what);

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `The monitor browser test needs Debian's chromium at ${CHROMIUM}, which is missing: ` +
          'install it with `apt-get update && apt-get install -y chromium` (as root).',
      );
    }
    const archive = await startArchive(config, DB_NAME);
    ({ app, url: base } = archive);
    connection = archive.app.get(getConnectionToken());
    kafka = testKafka(config.kafkaBrokers);
    producer = await testProducer(kafka);

    profileDir = mkdtempSync(join(tmpdir(), 'wiredesk-monitor-chromium-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      timeout: 30000,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/v1/articles') listStatuses.push(response.status());
    });
    page.on('pageerror', (error) => pageProblems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // a refused key is a 401 the page expects; anything else the console reports is a problem
      if (message.type() === 'error' && !/status of 401/.test(message.text())) pageProblems.push(message.text());
    });

    await eventually(async () => (await http(`${base}/health/ready`)).status === 200, 60000, 'archive ready');
    await producer.send({
      topic: config.topics.articles,
      messages: [articleRecord(natoStory), articleRecord(harbourStory)],
    });
    await producer.send({
      topic: config.topics.articles,
      messages: [articleRecord(killedStory), articleRecord(killOf(killedStory, 2, minutesAgo(10)))],
    });
    await producer.send({
      topic: config.topics.wireRaw,
      messages: [
        {
          value: Buffer.from('BRUSSELS (AFP) - Ministers met.\n'),
          headers: { 'wd-ingest-id': `${config.suffix}-raw-1`, 'wd-source': 'afp-en' },
        },
      ],
    });
    // what ingest's poller keeps about two scheduled sources: one quiet for longer than usual, one failing to log in
    await connection!.db!.collection('source_state').insertMany([
      {
        _id: 'quiet-wire',
        profile: { kind: 'feed', intervalMs: 60000, enabled: true },
        lastPollAt: new Date(now - 30000),
        lastNewItemAt: new Date(now - 3 * 3600000),
        usualGapMs: 10 * 60000,
        failures: 0,
      },
      {
        _id: 'broken-ftp',
        profile: { kind: 'ftp', intervalMs: 120000, enabled: true },
        lastPollAt: new Date(now - 60000),
        failures: 3,
        lastError: { kind: 'auth', message: '530 Login incorrect.', at: new Date(now - 60000) },
      },
    ] as never[]);
    // a dead letter as a failing stage would write it (the count is the topic's offsets, whatever the record says)
    await producer.send({
      topic: config.topics.dlq,
      messages: [
        { value: Buffer.from('junk'), headers: { 'wd-error-code': 'UNKNOWN_FORMAT', 'wd-error-stage': 'normalize' } },
      ],
    });
  }, 90000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    await producer?.disconnect();
    await connection?.db?.dropDatabase().catch(() => undefined);
    await app?.close();
  });

  it('serves the page to anyone, with a policy that allows only its own files and the API', async () => {
    const res = await http(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect((await http(`${base}/monitor.js`)).status).toBe(200);
    // the data behind it is not public
    expect((await http(`${base}/v1/stats`)).status).toBe(401);
  });

  it('asks for a key, then shows the stories with source, status, tags and caption, and the counts', async () => {
    await page.goto(`${base}/`);
    await page.locator('#key-panel').waitFor({ state: 'visible', timeout: 10000 });
    expect(await page.locator('#key-message').textContent()).toMatch(/API key/);

    await page.fill('#api-key', READER);
    await page.click('#key-form button[type=submit]');
    expect(await page.evaluate("sessionStorage.getItem('wiredesk.apiKey')")).toBe(READER);

    await waitForStories(
      (texts) => texts.includes(natoStory.headlines![0].value) && texts.includes(harbourStory.headlines![0].value),
      'the first stories on the page',
    );
    await waitForStories((texts) => texts.includes('Company reports record profit'), 'the killed story');

    const nato = page.locator(`.story[data-uri="${natoStory.uri}"]`);
    expect(await nato.locator('.source').textContent()).toBe('AFP');
    expect(await nato.locator('time').getAttribute('datetime')).toBe(natoStory.versionCreated);
    expect(await nato.locator('.tag.person').allTextContents()).toEqual(['Jens Stoltenberg']);
    expect(await nato.locator('.tag.organisation').allTextContents()).toEqual(['NATO']);
    expect(await nato.locator('.tag.place').allTextContents()).toEqual(['Belgium']);
    expect(await nato.locator('.caption').textContent()).toBe('Ministers arrive at NATO headquarters.');

    const harbour = page.locator(`.story[data-uri="${harbourStory.uri}"]`);
    expect(await harbour.locator('.source').textContent()).toBe('ANP');
    // markup in the data stays text
    expect(await page.locator('#injected').count()).toBe(0);

    await eventually(
      async () => (await page.locator(`.story[data-uri="${killedStory.uri}"].killed`).count()) === 1,
      SEEN_WITHIN_MS,
      'the kill marked',
    );
    expect(await page.locator(`.story[data-uri="${killedStory.uri}"] .badge`).textContent()).toBe('KILLED');

    // newest first
    expect((await headlines()).slice(0, 3)).toEqual([
      'Company reports record profit',
      harbourStory.headlines![0].value,
      natoStory.headlines![0].value,
    ]);

    const counts = () =>
      Promise.all(
        ['#count-ingested', '#count-published', '#count-dead-lettered'].map((id) => page.locator(id).textContent()),
      );
    await eventually(
      async () => JSON.stringify(await counts()) === JSON.stringify(['1', '3', '1']),
      SEEN_WITHIN_MS,
      'the counts',
    );
  });

  it('shows the scheduled sources with their state, marking the silent and the failing one', async () => {
    await page.locator('#sources').waitFor({ state: 'visible', timeout: SEEN_WITHIN_MS });
    const rows = await page.locator('#source-rows tr').evaluateAll((trs) =>
      (trs as unknown as { className: string; children: ArrayLike<{ textContent: string | null }> }[]).map((tr) => ({
        className: tr.className,
        cells: Array.from(tr.children).map((c) => c.textContent),
      })),
    );
    expect(rows).toEqual([
      {
        className: 'failing',
        cells: ['broken-ftp', 'ftp', 'failing (3)', expect.any(String), 'never', '0', 'auth: 530 Login incorrect.'],
      },
      { className: 'silent', cells: ['quiet-wire', 'feed', 'silent', expect.any(String), '3 h ago', '0', ''] },
    ]);
  });

  it('narrows the list through the API as the filter box changes: words, then a tag', async () => {
    await page.fill('#filter', 'harbour');
    await waitForStories(
      (texts) => texts.length === 1 && texts[0] === harbourStory.headlines![0].value,
      'the q filter',
    );

    await page.fill('#filter', '');
    await waitForStories((texts) => texts.length === 3, 'the whole list again');

    // a click on a tag filters by it: Netherlands is on the harbour and the killed story, not on the NATO one
    await page.locator(`.story[data-uri="${harbourStory.uri}"] .tag.place`).click();
    expect(await page.inputValue('#filter')).toBe('place:Netherlands');
    await waitForStories(
      (texts) =>
        texts.length === 2 &&
        !texts.includes(natoStory.headlines![0].value) &&
        texts.includes('Company reports record profit'),
      'the place filter',
    );

    await page.fill('#filter', 'organisation:NATO cyber');
    await waitForStories((texts) => texts.length === 1 && texts[0] === natoStory.headlines![0].value, 'tag and words');

    await page.fill('#filter', 'nothing-matches-this-word');
    await eventually(
      async () => (await page.locator('#empty').isVisible()) && (await storyCount()) === 0,
      SEEN_WITHIN_MS,
      'the empty list',
    );
    await page.fill('#filter', '');
    await waitForStories((texts) => texts.length === 3, 'the whole list again');
  });

  it('shows a new story as it arrives, without reloading', async () => {
    // a marker on the document: it survives only if the page is never reloaded
    await page.evaluate('window.sameDocument = true');
    await producer!.send({ topic: config.topics.articles, messages: [articleRecord(lateStory)] });
    await waitForStories((texts) => texts[0] === 'Storm closes Alpine passes', 'the new story at the top');
    expect(await page.evaluate('window.sameDocument')).toBe(true);
    expect(await storyCount()).toBe(4);
    await eventually(
      async () => (await page.locator('#count-published').textContent()) === '4',
      SEEN_WITHIN_MS,
      'the published count',
    );
    // the next poll with nothing new is answered 304 (If-None-Match) and the list stays as it was
    const seenBefore = listStatuses.length;
    await eventually(() => listStatuses.slice(seenBefore).includes(304), SEEN_WITHIN_MS, 'a 304 to a poll');
    expect(await storyCount()).toBe(4);
    // nothing on the page failed or was blocked by its CSP
    expect(pageProblems).toEqual([]);
  });
});
