import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { InputError } from '../errors.js';
import { decodeBytes, sniffFormat, utf8Stats } from './decode.js';

const SRC = 'page.html';
const html = (meta: string, body: string) =>
  `<!doctype html><html><head>${meta}<title>T</title></head><body><p>${body}</p></body></html>`;

function throwsInput(fn: () => unknown, problem: string) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InputError, `expected InputError, got ${String(e)}`);
    assert.equal(e.problem, problem);
    assert.equal(e.input, SRC);
    assert.ok(e.message.includes(SRC) && !e.message.includes('\n'));
    return true;
  });
}

describe('decodeBytes: BOMs', () => {
  it('UTF-8 BOM: decoded as UTF-8, BOM stripped', () => {
    const d = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café in Castelmar')]), { source: SRC });
    assert.equal(d.charset, 'utf-8');
    assert.equal(d.body, 'Café in Castelmar');
    assert.equal(d.format, 'text');
  });
  it('UTF-16LE and UTF-16BE BOMs (NUL bytes are not binary there)', () => {
    for (const enc of ['utf-16le', 'utf-16be']) {
      const d = decodeBytes(iconv.encode(html('', 'Žena — ćao'), enc, { addBOM: true }), { source: SRC });
      assert.equal(d.charset, enc);
      assert.equal(d.format, 'html');
      assert.ok(d.body.startsWith('<!doctype html>'));
      assert.ok(d.body.includes('Žena — ćao'));
    }
  });
  it('a BOM beats a contradicting header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('naïve')]);
    const d = decodeBytes(bytes, { source: SRC, contentType: 'text/plain; charset=windows-1251' });
    assert.equal(d.charset, 'utf-8');
    assert.equal(d.body, 'naïve');
  });
});

describe('decodeBytes: declared charsets', () => {
  it('<meta charset="windows-1251"> with Cyrillic bytes', () => {
    const text = 'Президент Велории заявил';
    const d = decodeBytes(iconv.encode(html('<meta charset="windows-1251">', text), 'windows-1251'), { source: SRC });
    assert.equal(d.charset, 'windows-1251');
    assert.ok(d.body.includes(text));
    assert.deepEqual(d.warnings, []);
  });
  it('<meta http-equiv> iso-8859-1 is decoded as windows-1252 (curly quotes survive)', () => {
    const text = '“Señor Dürr” paid €5';
    const bytes = iconv.encode(html('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', text), 'windows-1252');
    const d = decodeBytes(bytes, { source: SRC });
    assert.equal(d.charset, 'windows-1252');
    assert.ok(d.body.includes(text));
  });
  it('<meta charset="shift_jis"> with Japanese bytes', () => {
    const text = '東京で会談が行われた';
    const d = decodeBytes(iconv.encode(html('<meta charset="shift_jis">', text), 'shift_jis'), { source: SRC });
    assert.equal(d.charset, 'shift_jis');
    assert.ok(d.body.includes(text));
  });
  it('the Content-Type header wins over <meta>', () => {
    const text = 'Министр обороны';
    const bytes = iconv.encode(html('<meta charset="iso-8859-1">', text), 'windows-1251');
    const d = decodeBytes(bytes, { source: SRC, contentType: 'text/html; charset=windows-1251' });
    assert.equal(d.charset, 'windows-1251');
    assert.ok(d.body.includes(text));
  });
  it('<meta> is not consulted for plain text', () => {
    const bytes = iconv.encode('Note: <meta charset="windows-1251"> appears in this text. Ünïcode', 'windows-1252');
    const d = decodeBytes(bytes, { source: 'a.txt', format: 'text' });
    assert.equal(d.charset, 'windows-1252');
    assert.ok(d.body.endsWith('Ünïcode'));
  });
});

describe('decodeBytes: wrong or missing labels', () => {
  it('an unknown label (charset=foo) falls back to sniffing and says so', () => {
    const text = 'Ministerin Müller sagte';
    const d = decodeBytes(Buffer.from(html('<meta charset="foo">', text)), { source: SRC });
    assert.equal(d.charset, 'utf-8');
    assert.ok(d.body.includes(text));
    assert.equal(d.warnings.length, 1);
    assert.match(d.warnings[0]!, /unknown charset 'foo'/);
  });
  it('an unknown header label on latin-1 bytes falls back to windows-1252 with warnings', () => {
    const d = decodeBytes(iconv.encode('Café crème', 'latin1'), { source: 'x', contentType: 'text/plain; charset=foo' });
    assert.equal(d.charset, 'windows-1252');
    assert.equal(d.body, 'Café crème');
    assert.ok(d.warnings.some((w) => w.includes("unknown charset 'foo'")));
  });
  it('a legacy label on valid UTF-8 bytes is overruled', () => {
    const text = 'Rönnberg — “quoted”';
    const d = decodeBytes(Buffer.from(html('<meta charset="iso-8859-1">', text)), { source: SRC });
    assert.equal(d.charset, 'utf-8');
    assert.ok(d.body.includes(text));
    assert.match(d.warnings[0]!, /valid UTF-8/);
  });
  it('utf-8 declared on pure latin-1 bytes is decoded as windows-1252', () => {
    const d = decodeBytes(iconv.encode(html('<meta charset="utf-8">', 'Señora Núñez'), 'latin1'), { source: SRC });
    assert.equal(d.charset, 'windows-1252');
    assert.ok(d.body.includes('Señora Núñez'));
    assert.match(d.warnings[0]!, /not UTF-8/);
  });
  it('no charset but valid UTF-8 → utf-8, no warnings', () => {
    const text = 'Zürich, Kraków and Ostrava — “fine”';
    const d = decodeBytes(Buffer.from(html('', text)), { source: SRC });
    assert.equal(d.charset, 'utf-8');
    assert.ok(d.body.includes(text));
    assert.deepEqual(d.warnings, []);
  });
  it('no charset with latin-1 bytes → windows-1252', () => {
    const bytes = iconv.encode('Le président a déclaré à Genève', 'latin1');
    const d = decodeBytes(bytes, { source: 'a.txt' });
    assert.equal(d.charset, 'windows-1252');
    assert.equal(d.body, 'Le président a déclaré à Genève');
    assert.equal(d.format, 'text');
  });
  it('malformed sequences in mostly-UTF-8 text become U+FFFD, not a crash', () => {
    const bytes = Buffer.concat([Buffer.from('Café '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(' naïve')]);
    const d = decodeBytes(bytes, { source: 'a.txt', contentType: 'text/plain; charset=utf-8' });
    assert.equal(d.charset, 'utf-8');
    assert.ok(d.body.startsWith('Café '));
    assert.ok(d.body.includes('\uFFFD'));
    assert.ok(d.body.endsWith(' naïve'));
    assert.match(d.warnings[0]!, /2 malformed UTF-8 byte sequences/);
  });
  it('a BOM-marked UTF-8 file with bad bytes keeps UTF-8', () => {
    const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xe9, 0x42]);
    const d = decodeBytes(bytes, { source: 'a.txt' });
    assert.equal(d.charset, 'utf-8');
    assert.equal(d.body, 'A\uFFFDB');
  });
});

describe('decodeBytes: empty and binary', () => {
  it('empty, whitespace-only and BOM-only inputs are "empty file"', () => {
    throwsInput(() => decodeBytes(Buffer.alloc(0), { source: SRC }), 'empty file');
    throwsInput(() => decodeBytes(Buffer.from(' \n\t\r\n  '), { source: SRC }), 'empty file');
    throwsInput(() => decodeBytes(Buffer.from([0xef, 0xbb, 0xbf, 0x20, 0x0a]), { source: SRC }), 'empty file');
  });
  it('random bytes are binary', () => {
    throwsInput(() => decodeBytes(randomBytes(4096), { source: SRC }), 'binary file, not text or HTML');
  });
  it('a PNG header is binary', () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    throwsInput(() => decodeBytes(png, { source: SRC }), 'binary file, not text or HTML');
  });
  it('NUL-free text with many control characters is binary; a few are tolerated', () => {
    const junk = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    throwsInput(() => decodeBytes(junk, { source: SRC }), 'binary file, not text or HTML');
    const ok = decodeBytes(Buffer.from('Some text\x07 with a bell and a form feed\f'), { source: SRC });
    assert.equal(ok.format, 'text');
  });
  it('a NUL after the first 8 KB does not make a file binary', () => {
    const d = decodeBytes(Buffer.concat([Buffer.from('a'.repeat(9000)), Buffer.from([0])]), { source: SRC });
    assert.equal(d.body.length, 9001);
  });
  it('UTF-16 with binary content is still refused', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(100)]);
    throwsInput(() => decodeBytes(bytes, { source: SRC }), 'binary file, not text or HTML');
  });
});

describe('format', () => {
  it('a given format wins', () => {
    assert.equal(decodeBytes(Buffer.from('<p>one</p><p>two</p>'), { source: 'x', format: 'text' }).format, 'text');
    assert.equal(decodeBytes(Buffer.from('just words'), { source: 'x', format: 'html' }).format, 'html');
  });
  it('sniffs HTML from doctype, html/body tags, leading tags, or several <p> tags', () => {
    assert.equal(sniffFormat('<!DOCTYPE html>\n<title>x</title>'), 'html');
    assert.equal(sniffFormat('  <!-- saved --> <html lang="en">'), 'html');
    assert.equal(sniffFormat('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'), 'html');
    assert.equal(sniffFormat('<p>First paragraph.'), 'html');
    assert.equal(sniffFormat('Headline\n\n<body>\n<p>text</p>'), 'html');
    assert.equal(sniffFormat('Intro text <p>one</p> and <p>two</p>'), 'html');
  });
  it('plain text stays text, even when it mentions a tag', () => {
    assert.equal(sniffFormat('Kremlin sees progress\n\n.\n\nMOSCOW:\n\nText mentioning <p> once.'), 'text');
    assert.equal(sniffFormat('a < b and c > d'), 'text');
  });
});

describe('utf8Stats', () => {
  it('counts multi-byte characters and malformed sequences', () => {
    assert.deepEqual(utf8Stats(Buffer.from('aé€😀')), { multibyte: 3, invalid: 0 });
    assert.deepEqual(utf8Stats(Buffer.from([0xe9, 0x41, 0xc0, 0x80, 0xed, 0xa0, 0x80])), { multibyte: 0, invalid: 6 });
  });
});
