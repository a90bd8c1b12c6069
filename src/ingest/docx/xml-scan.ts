/**
 * A small XML tag scanner for the parts of a DOCX that mammoth does not interpret for us (numbering.xml,
 * styles.xml, relationships) and for the one-pass rewrite of document.xml.
 *
 * It is deliberately not a general XML parser: it never reads a DTD, never resolves entities other than the five
 * predefined ones and numeric character references, and never fetches anything. A `<!DOCTYPE …>` is skipped as
 * a whole, so an entity-expansion bomb or an external entity in a hostile file simply has no effect.
 *
 * Element names are canonicalised through the namespace declarations of the root element: whatever prefix a file
 * binds to WordprocessingML (transitional or strict) becomes `w:`, markup compatibility becomes `mc:`. Word and
 * LibreOffice declare every namespace on the root, so that is all we look at.
 */

export const WORDML_TRANSITIONAL = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const WORDML_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const RELATIONSHIPS_PACKAGE = 'http://schemas.openxmlformats.org/package/2006/relationships';

const CANONICAL_PREFIX: Record<string, string> = {
  [WORDML_TRANSITIONAL]: 'w',
  [WORDML_STRICT]: 'w',
  [MARKUP_COMPATIBILITY]: 'mc',
  [RELATIONSHIPS_PACKAGE]: 'rel',
};

export type TagKind = 'start' | 'end' | 'empty';

export interface Tag {
  kind: TagKind;
  /** Canonical name, e.g. `w:p` (see the module comment). */
  name: string;
  /** Offset of `<` in the source. */
  start: number;
  /** Offset just after `>`. */
  end: number;
}

export interface TagReader {
  /** The tag as written. */
  raw(tag: Tag): string;
  /** Decoded attribute values by canonical name (`w:val`). */
  attributes(tag: Tag): Record<string, string>;
}

/** Maps source qualified names (`w:p`, `ns0:p`, `p`) to canonical ones, with a cache: documents repeat few names. */
class NameResolver {
  private readonly prefixes = new Map<string, string>();
  private readonly cache = new Map<string, string>();
  private defaultNamespace: string | undefined;

  declare(rootTag: string): void {
    for (const [name, value] of attributesOf(rootTag)) {
      if (name === 'xmlns') this.defaultNamespace = value;
      else if (name.startsWith('xmlns:')) this.prefixes.set(name.slice(6), value);
    }
    this.cache.clear();
  }

  resolve(qualified: string): string {
    let canonical = this.cache.get(qualified);
    if (canonical !== undefined) return canonical;
    const colon = qualified.indexOf(':');
    const namespace = colon < 0 ? this.defaultNamespace : this.prefixes.get(qualified.slice(0, colon));
    const local = colon < 0 ? qualified : qualified.slice(colon + 1);
    const prefix = namespace === undefined ? undefined : CANONICAL_PREFIX[namespace];
    canonical = prefix ? `${prefix}:${local}` : qualified;
    this.cache.set(qualified, canonical);
    return canonical;
  }

  /** Canonical attribute name: unprefixed attributes stay unprefixed (XML gives them no namespace). */
  resolveAttribute(qualified: string): string {
    return qualified.includes(':') ? this.resolve(qualified) : qualified;
  }
}

/**
 * Calls `onTag` for every start, end and empty-element tag in document order. Text, comments, processing
 * instructions, CDATA and any DOCTYPE are skipped; callers that need text slice it from the source between tags.
 * `onTag` may return false to stop early.
 */
export function scanTags(xml: string, onTag: (tag: Tag, reader: TagReader) => boolean | void): void {
  const names = new NameResolver();
  let rootSeen = false;
  const reader: TagReader = {
    raw: (tag) => xml.slice(tag.start, tag.end),
    attributes: (tag) => {
      const attributes: Record<string, string> = Object.create(null);
      for (const [name, value] of attributesOf(xml.slice(tag.start, tag.end))) {
        attributes[names.resolveAttribute(name)] = value;
      }
      return attributes;
    },
  };
  let position = 0;
  for (;;) {
    const open = xml.indexOf('<', position);
    if (open < 0) break;
    const next = xml.charCodeAt(open + 1);
    if (next === 0x3f /* ? */) {
      position = skipPast(xml, '?>', open);
      continue;
    }
    if (next === 0x21 /* ! */) {
      if (xml.startsWith('<!--', open)) position = skipPast(xml, '-->', open);
      else if (xml.startsWith('<![CDATA[', open)) position = skipPast(xml, ']]>', open);
      else position = skipDoctype(xml, open);
      continue;
    }
    const close = findTagEnd(xml, open);
    if (close < 0) break;
    const end = close + 1;
    let tag: Tag;
    if (next === 0x2f /* / */) {
      tag = { kind: 'end', name: names.resolve(xml.slice(open + 2, close).trim()), start: open, end };
    } else {
      const selfClosing = xml.charCodeAt(close - 1) === 0x2f;
      const nameEnd = endOfName(xml, open + 1, selfClosing ? close - 1 : close);
      const qualified = xml.slice(open + 1, nameEnd);
      if (!rootSeen) {
        rootSeen = true;
        names.declare(xml.slice(open, end));
      }
      tag = { kind: selfClosing ? 'empty' : 'start', name: names.resolve(qualified), start: open, end };
    }
    position = end;
    if (onTag(tag, reader) === false) break;
  }
}

function skipPast(xml: string, terminator: string, from: number): number {
  const at = xml.indexOf(terminator, from);
  return at < 0 ? xml.length : at + terminator.length;
}

/** A DOCTYPE may hold an internal subset in brackets; we skip it unread. */
function skipDoctype(xml: string, from: number): number {
  let inSubset = false;
  for (let i = from + 2; i < xml.length; i++) {
    const c = xml[i];
    if (c === '[') inSubset = true;
    else if (c === ']') inSubset = false;
    else if (c === '>' && !inSubset) return i + 1;
  }
  return xml.length;
}

/** `>` may legally appear inside a quoted attribute value, so quotes are honoured. */
function findTagEnd(xml: string, from: number): number {
  let quote = 0;
  for (let i = from + 1; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e) {
      return i;
    }
  }
  return -1;
}

function endOfName(xml: string, from: number, limit: number): number {
  let i = from;
  while (i < limit) {
    const c = xml.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f || c === 0x3e) break;
    i++;
  }
  return i;
}

const ATTRIBUTE = /([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one raw tag, values decoded, names as written (not canonicalised). */
export function attributesOf(rawTag: string): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(rawTag); m; m = ATTRIBUTE.exec(rawTag)) {
    result.push([m[1], decodeXmlText(m[2] ?? m[3] ?? '')]);
  }
  return result;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and numeric references; anything else is left as written. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

/** A parsed element of a small part (styles, numbering, relationships): canonical names throughout. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

/** Builds an element tree; meant for the small parts only (document.xml is streamed, never treed). */
export function parseXmlTree(xml: string): XmlElement | null {
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  scanTags(xml, (tag, reader) => {
    if (tag.kind === 'end') {
      // Tolerate stray end tags rather than fail: a damaged part still gives what it can.
      for (let i = stack.length - 1; i > 0; i--) {
        if (stack[i].name === tag.name) {
          stack.length = i;
          break;
        }
      }
      return;
    }
    const element: XmlElement = { name: tag.name, attributes: reader.attributes(tag), children: [] };
    stack[stack.length - 1].children.push(element);
    if (tag.kind === 'start') stack.push(element);
  });
  return root.children[0] ?? null;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? element.children.filter((c) => c.name === name) : [];
}

/** The `w:val` of a child element, e.g. `childValue(lvl, 'w:numFmt')`. */
export function childValue(element: XmlElement | undefined, name: string): string | undefined {
  return child(element, name)?.attributes['w:val'];
}

/** ST_OnOff: present without `w:val`, or with true/1/on, means on. */
export function isOn(element: XmlElement | undefined): boolean {
  if (!element) return false;
  const value = element.attributes['w:val'];
  return value === undefined || value === 'true' || value === '1' || value === 'on';
}

export function parseInteger(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*-?\d+\s*$/.test(value)) return undefined;
  return parseInt(value, 10);
}
