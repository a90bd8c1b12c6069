/**
 * Checks on each XML part of a DOCX before any XML parser sees it.
 *
 * - No DTD. Open Packaging Conventions forbid DTD declarations in a package's XML, and Word never writes one; a
 *   `<!DOCTYPE …>` in a DOCX is there to attack a reader (an external entity naming a local file such as
 *   /etc/passwd, or an entity-expansion "billion laughs"). Our own scanner skips DTDs unread and mammoth's parser
 *   (xmldom) resolves no external entity, but refusing the file is the only answer that depends on neither.
 * - Bounded nesting. mammoth reads XML recursively, so 100,000 nested elements overflow the stack; far fewer than
 *   that are refused here with a message that says what is wrong.
 */
import { LIMITS } from '../limits.js';
import { ReadError } from '../read-error.js';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

const COMMENT_OPEN = Buffer.from('<!--');
const COMMENT_CLOSE = Buffer.from('-->');
const CDATA_OPEN = Buffer.from('<![CDATA[');
const CDATA_CLOSE = Buffer.from(']]>');
const PI_CLOSE = Buffer.from('?>');

/** Throws a ReadError for a part with a DTD or nested deeper than `LIMITS.xmlDepth`. */
export function checkXmlPart(name: string, xml: Buffer): void {
  const found = scan(xml, LIMITS.xmlDepth);
  if (found === 'dtd') {
    throw new ReadError(
      'corrupt',
      `the DOCX part ${name} declares a DTD (<!DOCTYPE>), which Word never writes and which is used to attack readers (external files, entity bombs); it was not read — re-save the document from Word / DOCX 部件 ${name} 含有 DTD 声明（<!DOCTYPE>），Word 从不生成此类内容，常被用于攻击（读取本地文件、实体膨胀），已拒绝读取；请用 Word 重新保存`,
    );
  }
  if (found === 'deep') {
    throw new ReadError(
      'corrupt',
      `the DOCX part ${name} nests XML elements more than ${LIMITS.xmlDepth} levels deep, far beyond anything Word writes (a damaged or hostile file); re-save it from Word / DOCX 部件 ${name} 的 XML 嵌套超过 ${LIMITS.xmlDepth} 层，远超 Word 的正常结构（文件已损坏或被恶意构造），请用 Word 重新保存`,
    );
  }
}

/**
 * One pass over the bytes (UTF-8: every byte we look at is ASCII). Text between tags is skipped with indexOf, since
 * well-formed XML has no raw `<` in text or attribute values; inside a start tag quotes are honoured, since a `>`
 * or `/>` inside an attribute value would otherwise end the tag early and hide its nesting.
 */
function scan(xml: Buffer, maxDepth: number): 'ok' | 'dtd' | 'deep' {
  let depth = 0;
  let position = 0;
  const n = xml.length;
  for (;;) {
    const open = xml.indexOf(LT, position);
    if (open < 0) return 'ok';
    const next = xml[open + 1];
    if (next === SLASH) {
      depth--;
      position = open + 2;
      continue;
    }
    if (next === QUESTION) {
      position = skipPast(xml, PI_CLOSE, open + 2);
      continue;
    }
    if (next === BANG) {
      if (startsAt(xml, COMMENT_OPEN, open)) position = skipPast(xml, COMMENT_CLOSE, open + 4);
      else if (startsAt(xml, CDATA_OPEN, open)) position = skipPast(xml, CDATA_CLOSE, open + 9);
      else return 'dtd'; // <!DOCTYPE, <!ENTITY, <!ELEMENT …: markup declarations
      continue;
    }
    let quote = 0;
    let i = open + 1;
    for (; i < n; i++) {
      const c = xml[i];
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === DQUOTE || c === SQUOTE) {
        quote = c;
      } else if (c === GT) {
        break;
      }
    }
    if (i >= n) return 'ok';
    if (xml[i - 1] !== SLASH && ++depth > maxDepth) return 'deep';
    position = i + 1;
  }
}

function startsAt(xml: Buffer, token: Buffer, at: number): boolean {
  return at + token.length <= xml.length && xml.compare(token, 0, token.length, at, at + token.length) === 0;
}

function skipPast(xml: Buffer, token: Buffer, from: number): number {
  const at = xml.indexOf(token, from);
  return at < 0 ? xml.length : at + token.length;
}
