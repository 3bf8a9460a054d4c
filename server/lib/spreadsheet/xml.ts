// A small streaming XML scanner for the parts of an .xlsx: start tags (with their attribute text),
// end tags and text, handed on as the text arrives. It holds only an unfinished tag (at most
// MAX_TAG_CHARS) between pieces, never a whole text node: text goes to the handler as it comes, so
// a gigabyte of whitespace costs no memory. Only the five XML entities and character references are
// decoded; a DOCTYPE (the way to define entities, "billion laughs") is refused, as Excel never writes one.
import { SpreadsheetError } from './errors.js';

export type XmlHandler = {
  /** A start tag; `name` without its namespace prefix, `attrs` the raw attribute text (see {@link attribute}). */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Decoded text; one text node may arrive in several calls. */
  text(text: string): void;
};

/** Longest start tag, comment or processing instruction. */
const MAX_TAG_CHARS = 64 * 1024;
const TAG = /<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** One attribute's decoded value from a tag's attribute text (namespace prefix ignored), or undefined. */
export function attribute(attrs: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|\\s)(?:[^\\s=:]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
  const match = re.exec(attrs);
  if (!match) return undefined;
  return decodeEntities(match[1] ?? match[2] ?? '');
}

function malformed(detail: string): SpreadsheetError {
  return new SpreadsheetError('unreadable', `XML: ${detail}`);
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export class XmlScanner {
  private pending = '';

  constructor(private readonly handler: XmlHandler) {}

  /** Scans the next piece of text. */
  write(piece: string): void {
    const text = this.pending + piece;
    this.pending = '';
    let at = 0;
    while (at < text.length) {
      const lt = text.indexOf('<', at);
      if (lt < 0) {
        // All text to the end: hand it on, keeping back a cut-off entity ("&am").
        const amp = text.lastIndexOf('&');
        const keep = amp >= at && amp > text.length - 12 && !text.includes(';', amp) ? amp : text.length;
        if (keep > at) this.handler.text(decodeEntities(text.slice(at, keep)));
        this.pending = text.slice(keep);
        return;
      }
      if (lt > at) this.handler.text(decodeEntities(text.slice(at, lt)));
      const next = this.markup(text, lt);
      if (next < 0) {
        if (text.length - lt > MAX_TAG_CHARS) throw malformed('tag too long or not closed');
        this.pending = text.slice(lt);
        return;
      }
      at = next;
    }
  }

  /** The input ended: anything left over means the XML was cut off. */
  end(): void {
    if (this.pending.trim() !== '') throw malformed('cut off');
    this.pending = '';
  }

  /** Handles the markup at `lt`; returns where the text after it starts, or -1 when it is not complete yet. */
  private markup(text: string, lt: number): number {
    const second = text[lt + 1];
    if (second === undefined) return -1;
    if (second === '?') return this.skipTo(text, lt, '?>');
    if (second === '!') {
      if (text.startsWith('<!--', lt)) return this.skipTo(text, lt, '-->');
      if (text.startsWith('<![CDATA[', lt)) {
        const close = text.indexOf(']]>', lt + 9);
        if (close < 0) return -1;
        this.handler.text(text.slice(lt + 9, close));
        return close + 3;
      }
      if (text.length - lt < 9) return -1;
      throw malformed('DOCTYPE or declaration not allowed');
    }
    TAG.lastIndex = lt;
    const match = TAG.exec(text);
    if (!match) {
      const gt = text.indexOf('>', lt);
      // A '>' inside a quoted attribute value is legal: only a tag that can no longer match is an error.
      if (gt >= 0 && !/["']/.test(text.slice(lt, gt))) throw malformed(`bad tag ${text.slice(lt, Math.min(gt + 1, lt + 40))}`);
      return -1;
    }
    const [whole, slash = '', name = '', attrs = '', selfClosing = ''] = match;
    if (slash === '/') this.handler.close(localName(name));
    else {
      this.handler.open(localName(name), attrs, selfClosing === '/');
      if (selfClosing === '/') this.handler.close(localName(name));
    }
    return lt + whole.length;
  }

  private skipTo(text: string, lt: number, close: string): number {
    const end = text.indexOf(close, lt + 2);
    return end < 0 ? -1 : end + close.length;
  }
}
