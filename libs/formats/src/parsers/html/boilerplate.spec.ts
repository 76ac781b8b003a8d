import { readFileSync } from 'fs';
import { join } from 'path';
import { parseHtmlArticle } from './article';
import { boilerplateClass } from './boilerplate';
import { normaliseLanguage, withShownZone } from './metadata';

const page = (name: string) =>
  parseHtmlArticle(readFileSync(join(__dirname, '../../../../../test/fixtures/html', name), 'utf8'));
const bodyText = (item: ReturnType<typeof page>) => item.body.map((b) => b.text).join('\n');

describe('page boilerplate, by language', () => {
  it('drops reprint and paywall notices from a Japanese page and says the story is cut', () => {
    const item = page('boilerplate-ja-paywall.html');
    expect(item.headline).toBe('港の電気フェリー 冬の試験を通過');
    expect(item.language).toBe('ja');
    // the writer set inside the h1, not the organisation JSON-LD names as author
    expect(item.byline).toBe('佐藤一郎');
    expect(item.firstCreated).toBe('2025-01-14T09:15:00+09:00');
    expect(item.body[0].text).toMatch(/^北港市の電気フェリー「ルーメン」は１４日/);
    expect(bodyText(item)).not.toMatch(/転載|詳しくはこちら|会員限定/);
    expect(item.edNote).toMatch(/paywall/);
  });

  it('drops a Spanish view counter and comment rules, skips the preload GIF, reads the byline element', () => {
    const item = page('boilerplate-es-views.html');
    expect(item.headline).toBe('El puerto estrena su primer ferri eléctrico');
    expect(item.byline).toBe('Lucía Ferrer Soto');
    expect(item.body[0].text).toMatch(/^El ferri eléctrico Lumen completó este martes/);
    expect(item.body[item.body.length - 1].text).toMatch(/segundo buque\.$/);
    expect(bodyText(item)).not.toMatch(/Visto|Normas de uso|comentario/);
    expect(item.pictures[0]).toMatchObject({
      caption: 'El ferri Lumen, atracado en el muelle norte tras su tercera travesía de prueba.',
      credit: 'Efe',
    });
    expect(item.pictures.some((p) => /preload/.test(p.uri ?? ''))).toBe(false);
  });

  it('drops an Arabic comment policy and the date line above the story', () => {
    const item = page('boilerplate-ar-comments.html');
    expect(item.language).toBe('ar');
    expect(item.body[0].text).toMatch(/^الميناء الشمالي \(وكالة الأنباء\) --/);
    expect(item.body[item.body.length - 1].text).toMatch(/على شراء عبّارة ثانية\.$/);
    expect(bodyText(item)).not.toMatch(/ترحب شبكة|لا تعبر عن رأي|آخر تحديث/);
  });

  it('drops a Thai posted-on line, view counter and share link', () => {
    const item = page('boilerplate-th-share.html');
    expect(item.language).toBe('th');
    expect(item.body).toHaveLength(2);
    expect(bodyText(item)).not.toMatch(/โพสต์เมื่อ|อ่าน 2,345 ครั้ง|แชร์/);
  });

  it('classes furniture phrases and leaves story text that quotes them', () => {
    expect(boilerplateClass('Visto 314 veces')).toBe('views');
    expect(boilerplateClass('Submitted by Ann Lee on 14 January 2025')).toBe('submitted');
    expect(boilerplateClass('Subscribe now to continue reading')).toBe('paywall');
    const quoting =
      'The paper said it would put more stories behind its paywall, and that "this article is for subscribers" banners would appear on half of its pages from March, a change the union opposed for months while readers complained.'.repeat(
        2,
      );
    expect(boilerplateClass(quoting)).toBeUndefined();
  });
});

describe('headline, time and picture from the page’s own marks', () => {
  it('takes the hNews entry-title over a <title> that names the site, and the shown zone over a false Z', () => {
    const item = page('hnews-site-title.html');
    expect(item.headline).toBe('Electric ferry passes winter trial in gale-force winds');
    expect(item.firstCreated).toBe('2025-01-14T09:15:00-05:00');
    expect(item.byline).toBe('Jonna Verhoef');
    expect(item.body[0].text).toMatch(/^NORTHPORT \(NW\) -- The electric ferry Lumen/);
    expect(bodyText(item)).not.toMatch(/Jan 14, 9:15 AM EST|News from the Northport Wire/);
  });

  it('makes a caption beside an image a picture caption, not the first paragraph, and keeps zh-Hans', () => {
    const item = page('caption-div-zh.html');
    expect(item.language).toBe('zh-Hans');
    expect(item.firstCreated).toBe('2025-01-14T09:24:01+00:00');
    expect(item.body[0].text).toMatch(/^北港电动渡轮“流明”号周二在强风中/);
    expect(item.pictures[0]).toMatchObject({
      uri: 'http://img.port.example/lumen_304x171.jpg',
      caption: '电动渡轮“流明”号完成第三次试航后停靠北码头。',
    });
  });

  it('keeps BCP 47 language tags whole', () => {
    expect(normaliseLanguage('zh-Hans')).toBe('zh-Hans');
    expect(normaliseLanguage('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(normaliseLanguage('en_US')).toBe('en-US');
    expect(normaliseLanguage('sr-Latn')).toBe('sr-Latn');
    expect(normaliseLanguage('english')).toBeUndefined();
  });

  it('corrects a machine date only when it shows the same clock time in another zone', () => {
    expect(withShownZone('2016-06-13T16:03:00Z', 'Jun 13, 4:03 PM EDT')).toBe('2016-06-13T16:03:00-04:00');
    expect(withShownZone('2016-06-13T20:03:00Z', 'Jun 13, 4:03 PM EDT')).toBeUndefined();
    expect(withShownZone('2016-06-13T16:03:00Z', 'Jun 13')).toBeUndefined();
  });
});
