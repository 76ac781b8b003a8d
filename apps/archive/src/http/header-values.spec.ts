import { validateHeaderValue } from 'node:http';
import { attachmentDisposition, headerText } from './header-values';

/** What Node's http module accepts as a header value (it throws otherwise, which is what used to end the archive). */
const acceptedByNode = (value: string) => expect(() => validateHeaderValue('x-test', value)).not.toThrow();

describe('headerText', () => {
  it('passes printable ASCII unchanged', () => {
    expect(headerText('afp-en')).toBe('afp-en');
    expect(headerText('text/html; charset=utf-8')).toBe('text/html; charset=utf-8');
  });

  it.each(['新华社', 'agence\u0000nul', 'line\r\nInjected: yes', 'a%20b', ' padded ', 'lone \ud800 surrogate', 'é'])(
    'percent-encodes %j into a value Node accepts and decodeURIComponent reverses',
    (value) => {
      const encoded = headerText(value);
      acceptedByNode(encoded);
      expect(encoded).not.toMatch(/[\r\n]/);
      expect(decodeURIComponent(encoded)).toBe(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
    },
  );
});

describe('attachmentDisposition', () => {
  it('keeps the plain form for ASCII names, without the path', () => {
    expect(attachmentDisposition('../../etc/passwd story.html', 'x.bin')).toBe(
      'attachment; filename="passwd_story.html"',
    );
    expect(attachmentDisposition(undefined, 'id-1.bin')).toBe('attachment; filename="id-1.bin"');
  });

  it('adds an RFC 8187 filename* for names with non-ASCII characters', () => {
    const value = attachmentDisposition('新华社/报道 1.xml', 'id-1.bin');
    acceptedByNode(value);
    expect(value).toBe(`attachment; filename="_1.xml"; filename*=UTF-8''%E6%8A%A5%E9%81%93%201.xml`);
    expect(attachmentDisposition('新华社', 'id-1.bin')).toMatch(/^attachment; filename="id-1.bin"; filename\*=/);
  });

  it('never lets control characters through', () => {
    const value = attachmentDisposition('a\r\nSet-Cookie: x=1\u0000.txt', 'id.bin');
    acceptedByNode(value);
    expect(value).not.toMatch(/[\r\n\u0000]/);
  });
});
