import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { contentTypeCharset, metaCharset, normalizeCharset, sniffBom } from './charset.js';

describe('normalizeCharset', () => {
  it('maps labels to canonical names the way browsers do', () => {
    assert.equal(normalizeCharset('UTF8'), 'utf-8');
    assert.equal(normalizeCharset(' "utf-8" '), 'utf-8');
    assert.equal(normalizeCharset('ISO-8859-1'), 'windows-1252');
    assert.equal(normalizeCharset('us-ascii'), 'windows-1252');
    assert.equal(normalizeCharset('Windows-1251'), 'windows-1251');
    assert.equal(normalizeCharset('Shift_JIS'), 'shift_jis');
    assert.equal(normalizeCharset('x-sjis'), 'shift_jis');
  });
  it('returns null for unknown, empty and refused labels instead of throwing', () => {
    assert.equal(normalizeCharset('foo'), null);
    assert.equal(normalizeCharset(''), null);
    assert.equal(normalizeCharset(null), null);
    assert.equal(normalizeCharset('utf-7'), null);
    assert.equal(normalizeCharset('x'.repeat(500)), null);
    assert.equal(normalizeCharset('__proto__'), null);
  });
});

describe('contentTypeCharset', () => {
  it('reads the charset parameter, quoted or not', () => {
    assert.equal(contentTypeCharset('text/html; charset=UTF-8'), 'UTF-8');
    assert.equal(contentTypeCharset('text/html;charset="windows-1251"; foo=bar'), 'windows-1251');
    assert.equal(contentTypeCharset('text/html'), null);
    assert.equal(contentTypeCharset(null), null);
  });
});

describe('metaCharset', () => {
  const b = (s: string) => Buffer.from(s, 'latin1');
  it('finds <meta charset> and the http-equiv form', () => {
    assert.equal(metaCharset(b('<html><head><meta charset="windows-1251"><title>x</title>')), 'windows-1251');
    assert.equal(metaCharset(b("<meta charset=iso-8859-1>")), 'iso-8859-1');
    assert.equal(
      metaCharset(b('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')),
      'Shift_JIS',
    );
    assert.equal(metaCharset(b('<META CONTENT="text/html;charset=koi8-r" HTTP-EQUIV="content-type">')), 'koi8-r');
  });
  it('ignores declarations inside comments, in other meta tags, and past the first 4 KB', () => {
    assert.equal(metaCharset(b('<!-- <meta charset="koi8-r"> --><meta charset="utf-8">')), 'utf-8');
    assert.equal(metaCharset(b('<meta name="description" content="about charset=foo">')), null);
    assert.equal(metaCharset(b(`<html>${' '.repeat(5000)}<meta charset="windows-1251">`)), null);
  });
});

describe('sniffBom', () => {
  it('recognises the three BOMs and nothing else', () => {
    assert.deepEqual(sniffBom(Buffer.from([0xef, 0xbb, 0xbf, 0x41])), { charset: 'utf-8', length: 3 });
    assert.deepEqual(sniffBom(iconv.encode('A', 'utf-16le', { addBOM: true })), { charset: 'utf-16le', length: 2 });
    assert.deepEqual(sniffBom(iconv.encode('A', 'utf-16be', { addBOM: true })), { charset: 'utf-16be', length: 2 });
    assert.equal(sniffBom(Buffer.from('plain')), null);
  });
});
