#!/usr/bin/env node
// Hostile and broken inputs for test/bad-input.test.ts.
//
//   node scripts/make-bad-fixtures.mjs              rewrites the small committed files of fixtures/bad/
//   node scripts/make-bad-fixtures.mjs --big <dir>  writes the big ones (a 2 GiB zip bomb, a lying zip header, a
//                                                   3,000-page PDF…) into <dir>; the tests do this in a temp folder
//
// Everything is written byte by byte (zip and PDF alike) so that sizes, offsets and lies are exactly what each case
// needs; no tool in between repairs anything.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------------------------
// Zip

/**
 * A zip archive from entries { name, data } (deflated) or { name, raw, size, crc } (already raw-deflated bytes with
 * the size and CRC to declare). `declaredSize` overrides the uncompressed size written in both headers: a lie.
 */
export function zip(entries) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const data = e.raw ?? zlib.deflateRawSync(e.data, { level: 9 });
    const size = e.declaredSize ?? e.size ?? e.data.length;
    const crc = e.crc ?? zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(0x00210000, 12);
    header.writeUInt32LE(crc >>> 0, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(header, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '</Types>';
const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

const paragraph = (text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const GOOD_PARAGRAPHS = [
  'SERVICES AGREEMENT',
  '1. Services. The Agency shall operate the Client store and report monthly.',
  '2. Fees. The Client shall pay the fees within 30 days of each invoice.',
];

/** document.xml around a body; `prolog` goes between the XML declaration and the root (a DOCTYPE). */
export function documentXml(body, prolog = '') {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${prolog}<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
}

/** A minimal DOCX: content types, package relationships and the given document.xml (plus any extra entries). */
export function docx(xml, extra = []) {
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(PACKAGE_RELS) },
    { name: 'word/document.xml', data: Buffer.from(xml) },
    ...extra,
  ]);
}

export const goodDocx = () => docx(documentXml(GOOD_PARAGRAPHS.map(paragraph).join('')));

/**
 * Raw deflate of `prefix`, then `count` blocks of `chunk`, then `suffix`, without ever holding the whole output:
 * every piece is compressed with a full flush (which resets the dictionary), so one compressed chunk can be
 * repeated as is. 2 GiB of spaces this way is some 2 MB.
 */
function repeatedDeflate(prefix, chunk, count, suffix) {
  const flush = { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH };
  const head = zlib.deflateRawSync(prefix, flush);
  const body = zlib.deflateRawSync(chunk, flush);
  const tail = zlib.deflateRawSync(suffix, { level: 9 }); // ends with the final block
  let crc = zlib.crc32(prefix);
  for (let i = 0; i < count; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(suffix, crc);
  const raw = Buffer.concat([head, ...new Array(count).fill(body), tail]);
  return { raw, crc, size: prefix.length + chunk.length * count + suffix.length };
}

/** A DOCX whose document.xml is one paragraph holding `mib` MiB of spaces. */
export function bombDocx(mib, { declaredSize } = {}) {
  const prefix = Buffer.from(documentXml('<w:p><w:r><w:t xml:space="preserve">').replace(/<\/w:body><\/w:document>$/, ''));
  const suffix = Buffer.from('x</w:t></w:r></w:p></w:body></w:document>');
  const { raw, crc, size } = repeatedDeflate(prefix, Buffer.alloc(1 << 20, 0x20), mib, suffix);
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(PACKAGE_RELS) },
    { name: 'word/document.xml', raw, crc, size, declaredSize },
  ]);
}

/** Many parts, each small enough to pass a ratio check, together far over any sane total. */
export function manyPartsDocx(parts, mibEach) {
  const filler = zlib.deflateRawSync(Buffer.alloc(mibEach << 20, 0x20), { level: 9 });
  const crc = zlib.crc32(Buffer.alloc(mibEach << 20, 0x20));
  const extra = Array.from({ length: parts }, (_, i) => ({ name: `customXml/item${i + 1}.xml`, raw: filler, crc, size: mibEach << 20 }));
  return docx(documentXml(GOOD_PARAGRAPHS.map(paragraph).join('')), extra);
}

// ---------------------------------------------------------------------------------------------------------------
// PDF

/** A PDF from object bodies, strings or Buffers (object n is bodies[n - 1]); `xref: false` writes a cross-reference table of lies. */
export function pdf(bodies, { xref = true } = {}) {
  const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets = [];
  bodies.forEach((body, i) => {
    offsets.push(length);
    const bytes = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), bytes, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  let table = `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) table += `${String(xref ? offset : offset * 7 + 12345).padStart(10, '0')} 00000 n \n`;
  table += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref ? length : length + 999}\n%%EOF\n`;
  parts.push(Buffer.from(table, 'latin1'));
  return Buffer.concat(parts);
}

const stream = (text) => `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`;

/** `pages` pages of contract text, each page its own clause (so no page looks like a running header). */
export function textPdf(pages) {
  const kids = Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  for (let n = 1; n <= pages; n++) {
    const lines = [`${n}. Clause ${n}. The Agency shall deliver report ${n} to the Client`, `within ${n % 28 + 2} days of the end of month ${n}.`];
    const content = ['BT /F1 11 Tf 72 760 Td 14 TL', ...lines.map((l) => `(${l}) '`), 'ET'].join('\n');
    bodies.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${5 + 2 * (n - 1)} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      stream(content),
    );
  }
  return pdf(bodies);
}

/**
 * `pages` pages, each with a content stream of FlateDecode data that inflates to `mib` MiB of spaces before its text:
 * ~1 KB of compressed data per MiB. pdf.js does not check the Adler-32 trailer, so a zlib header on raw deflate
 * blocks will do.
 */
export function streamBombPdf(mib, pages = 1) {
  const { raw } = repeatedDeflate(Buffer.from('BT /F1 11 Tf 72 760 Td '), Buffer.alloc(1 << 20, 0x20), mib, Buffer.from('(1. Services. The Agency shall operate the store.) Tj ET'));
  const data = Buffer.concat([Buffer.from([0x78, 0xda]), raw, Buffer.alloc(4)]);
  const content = Buffer.concat([Buffer.from(`<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
  const kids = Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const bodies = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];
  for (let n = 1; n <= pages; n++) {
    bodies.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${5 + 2 * (n - 1)} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`, content);
  }
  return pdf(bodies);
}

// ---------------------------------------------------------------------------------------------------------------
// The cases

/** Small files, committed to fixtures/bad/. Each is a few KB at most. */
export function smallFixtures() {
  const good = goodDocx();
  const files = {};

  // A zip whose document.xml data is overwritten with junk: the directory is fine, the part will not inflate.
  const corrupt = Buffer.from(good);
  const at = corrupt.indexOf('word/document.xml') + 'word/document.xml'.length;
  for (let i = 0; i < 40; i++) corrupt[at + i] = (i * 37 + 11) & 0xff;
  files['corrupt.docx'] = corrupt;
  // Starts like a zip, then nothing a zip reader can use.
  files['corrupt-directory.docx'] = Buffer.concat([Buffer.from('PK\x05\x06', 'latin1'), Buffer.alloc(18, 0xff), Buffer.from('junk')]);
  files['truncated.docx'] = good.subarray(0, Math.floor(good.length * 0.6));
  files['empty.docx'] = Buffer.alloc(0);
  files['not-a-word-zip.docx'] = zip([
    {
      name: '[Content_Types].xml',
      data: Buffer.from(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: Buffer.from(
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
    },
    { name: 'xl/workbook.xml', data: Buffer.from('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>') },
  ]);

  // External entity: a reader that resolves it would put /etc/passwd into the contract text.
  files['xxe.docx'] = docx(
    documentXml(
      paragraph('1. Services. The Agency shall operate the store.') + paragraph('Secret: &e;') + paragraph('2. Fees. Net 30.'),
      '<!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n',
    ),
  );
  // The same through a parameter entity, and through the styles part rather than document.xml.
  files['xxe-styles.docx'] = docx(documentXml(GOOD_PARAGRAPHS.map(paragraph).join('')), [
    {
      name: 'word/styles.xml',
      data: Buffer.from(
        `<?xml version="1.0"?>\n<!DOCTYPE w:styles [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><w:styles xmlns:w="${W}"/>`,
      ),
    },
  ]);
  const lol = ['<!ENTITY lol0 "lol">'];
  for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`);
  files['billion-laughs.docx'] = docx(documentXml(paragraph('1. Services. &lol9;'), `<!DOCTYPE w:document [${lol.join('')}]>\n`));

  // 100,000 nested elements (content controls inside content controls) around one paragraph.
  const depth = 100_000;
  files['deep-xml.docx'] = docx(
    documentXml('<w:sdt><w:sdtContent>'.repeat(depth) + paragraph('1. Services.') + '</w:sdtContent></w:sdt>'.repeat(depth)),
  );
  // One text node of 4 MiB (one "word" of 4 million letters): read, bounded, no crash.
  files['huge-text.docx'] = docx(documentXml(paragraph('1. Services. ' + 'a'.repeat(4 << 20))));

  files['encrypted.pdf'] = readFileSync(path.join(root, 'fixtures/ingest/pdf/encrypted.pdf'));
  const contract = readFileSync(path.join(root, 'fixtures/ingest/pdf/contract-en.pdf'));
  files['truncated.pdf'] = contract.subarray(0, Math.floor(contract.length * 0.5));
  // Offsets in the cross-reference table and startxref all wrong: pdf.js rebuilds the table by scanning.
  files['bad-xref.pdf'] = pdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [5 0 R] /Count 1 >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      stream(['BT /F1 11 Tf 72 760 Td 14 TL', ...GOOD_PARAGRAPHS.map((l) => `(${l}) '`), 'ET'].join('\n')),
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>',
    ],
    { xref: false },
  );
  // A header, an end marker and nothing readable in between.
  files['garbage.pdf'] = Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 131 + 7) & 0xff)),
    Buffer.from('\nstartxref\n123456\n%%EOF\n'),
  ]);
  files['no-text.pdf'] = readFileSync(path.join(root, 'fixtures/ingest/pdf/scanned-like.pdf'));

  files['binary.txt'] = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 73 + 1) & 0xff));
  files['empty.txt'] = Buffer.alloc(0);
  // "Café" style Latin-1: not UTF-8; read with a guessed encoding or refused, never a crash.
  files['latin1.txt'] = Buffer.from(
    'SERVICES AGREEMENT\n\n1. Services. The Agency shall operate the Client\u2019s store for Caf\u00e9 M\u00fcller.\n\n2. Fees. Net 30 days; \u00a9 2026.\n'.replace(
      /\u2019/g,
      "'",
    ),
    'latin1',
  );
  // An image with a .pdf name.
  files['image-named.pdf'] = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from('\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\x0bIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82', 'latin1'),
  ]);
  // The OLE compound-file signature of a legacy Word .doc, then a sector of zeros.
  files['legacy.doc'] = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
  files['rtf.rtf'] = Buffer.from('{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} 1. Services. The Agency shall operate the store.\\par }');
  return files;
}

/** Big files, generated at test time into a temporary folder (never committed). */
export function bigFixtures() {
  return {
    // 2 GiB of spaces inside <w:t>: ~2 MB on disk, declared honestly in the zip directory.
    'bomb-2gib.docx': () => bombDocx(2048),
    // The same 2 GiB, but both zip headers claim document.xml is 4 KB: only counting while inflating catches it.
    'lying-header.docx': () => bombDocx(2048, { declaredSize: 4096 }),
    // 300 parts of 1 MiB each: no single part looks like a bomb, the total is 300 MB.
    'many-parts.docx': () => manyPartsDocx(300, 1),
    'pages-3000.pdf': () => textPdf(3000),
    // A 1 MB page whose content stream inflates to 1 GiB.
    'stream-bomb.pdf': () => streamBombPdf(1024),
    // Ten pages of 60 MiB each: no stream over the limit, 600 MiB together.
    'stream-bomb-pages.pdf': () => streamBombPdf(60, 10),
    // Under the page limit and slow enough to read that a 1 ms --timeout always fires.
    'pages-1500.pdf': () => textPdf(1500),
  };
}

export function writeBigFixtures(dir) {
  mkdirSync(dir, { recursive: true });
  const written = {};
  for (const [name, make] of Object.entries(bigFixtures())) {
    const file = path.join(dir, name);
    writeFileSync(file, make());
    written[name] = file;
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const big = process.argv.indexOf('--big');
  if (big > 0) {
    const dir = path.resolve(process.argv[big + 1] ?? 'bad-big');
    for (const [name, file] of Object.entries(writeBigFixtures(dir))) console.log(`${file}  ${name}`);
  } else {
    const dir = path.join(root, 'fixtures/bad');
    mkdirSync(dir, { recursive: true });
    for (const [name, data] of Object.entries(smallFixtures())) writeFileSync(path.join(dir, name), data);
    console.log(`wrote ${Object.keys(smallFixtures()).length} files to ${path.relative(process.cwd(), dir) || dir}`);
  }
}
