/** The part of mailparser 3.7's API Wiredesk uses (the package ships no types; @types/mailparser is not installed). */
declare module 'mailparser' {
  export interface AddressObject {
    value: { name?: string; address?: string }[];
    text?: string;
  }
  export interface Attachment {
    filename?: string;
    contentType: string;
    contentDisposition?: string;
    content: Buffer;
    size: number;
    related?: boolean;
    cid?: string;
  }
  export interface ParsedMail {
    subject?: string;
    from?: AddressObject;
    date?: Date;
    messageId?: string;
    text?: string;
    html?: string | false;
    headers: Map<string, unknown>;
    attachments: Attachment[];
  }
  export interface SimpleParserOptions {
    skipHtmlToText?: boolean;
    skipTextToHtml?: boolean;
    skipTextLinks?: boolean;
    skipImageLinks?: boolean;
    keepCidLinksInHtml?: boolean;
    maxHtmlLengthToParse?: number;
  }
  export function simpleParser(source: Buffer | string, options?: SimpleParserOptions): Promise<ParsedMail>;
}
