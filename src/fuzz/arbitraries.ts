// Generators (fast-check arbitraries) for hostile inputs, the invariants every output must keep, and the fuzz targets
// shared by the property tests (src/fuzz/*.test.ts) and the long-running fuzzer (src/fuzz/run.ts).
//
// The contract checked (see docs in src/model.ts and the extractors):
//   - extractors never throw; decode/read throw only InputError; the batch line parser only NewsgraphError;
//     the pipeline on a well-formed RawInput does not throw at all (a stage failure is a bug it would only wrap);
//   - every annotation offset (paragraph, sentence, mention, quote, date, event, message position) lies within
//     article.text, and where the annotation carries its text, text.slice(start, end) equals it;
//   - article.text is the paragraphs joined by "\n\n";
//   - outputs survive a JSON.stringify/JSON.parse round trip unchanged;
//   - media image URLs are http(s), relative, or data:image — never javascript:, vbscript:, data:text/html, ...;
//   - each document finishes within a time bound.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { AnyNode, Element } from 'domhandler';
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { capDepth, textOf } from '../extract/html/dom.js';
import { InputError, NewsgraphError } from '../errors.js';
import type { Article, Doc, Media, RawInput, Span } from '../model.js';
import type { Extracted } from '../extract/extracted.js';
import { toArticle } from '../extract/extracted.js';
import { extractHtml } from '../extract/html/index.js';
import { extractText } from '../extract/text.js';
import { decodeBytes } from '../ingest/decode.js';
import { readInputBytes } from '../ingest/read.js';
import { parseBatchLine } from '../cli/batch.js';
import { analysisJson, extractJson } from '../output.js';
import { defaultPipeline, type Pipeline } from '../index.js';

// ---------------------------------------------------------------------------------------------------------------
// Characters and strings

/** Code units and short sequences that break naive text handling. */
export const WEIRD = [
  '\uD800', '\uDBFF', '\uDC00', '\uDFFF', // lone surrogates
  '\uD83D\uDE00', '\uD83C\uDDFA\uD83C\uDDF8', '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}', // emoji, flag, ZWJ family
  '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u061C', // bidi
  '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E', // zero-width, soft hyphen
  '\u0301', '\u0308', '\u0327', '\u20DD', '\u0489', '\u0361', 'e\u0301\u0301\u0301\u0301', // combining marks
  '\u00A0', '\u2000', '\u2009', '\u202F', '\u3000', '\u2028', '\u2029', '\u0085', '\t', '\r', '\n', '\r\n', '\v', '\f', // spaces, breaks
  '\u0000', '\u0001', '\u001B', '\u007F', '\uFFFD', '\uFFFE', '\uFFFF', '\u{10FFFF}', '\u{E0041}', // controls, nonchars, tags
  '"', "'", '“', '”', '‘', '’', '«', '»', '„', '‚', '‹', '›', '「', '」', '『', '』', '``', "''", '〝', '〞', '＂', // quote marks
  '—', '–', '-', '…', '.', '!', '?', ';', ':', '(', ')', '[', ']', '{', '}', '/', '\\', '|', '@', '#', '&', '<', '>', '=',
  'İ', 'ı', 'ß', 'ﬁ', 'Ǆ', 'ǅ', 'ᾼ', 'Σ', 'ς', // case-mapping changes length
  'مرحبا', 'שלום', 'Привет', '日本語', '한국어', 'ไทย', 'हिन्दी', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', // scripts
];

export const weirdChar = fc.constantFrom(...WEIRD);

/** One "character": any code point, a weird sequence, or plain punctuation and spacing. */
export const anyChar = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 4, arbitrary: weirdChar },
  { weight: 3, arbitrary: fc.constantFrom(' ', ' ', '\n', '\n\n', '.', ',', 'a', 'A', 'x', '1') },
);

/** Random unicode text, lone surrogates, bidi and zero-width characters included. */
export function unicodeText(maxLength = 400): fc.Arbitrary<string> {
  return fc.array(anyChar, { maxLength }).map((a) => a.join(''));
}

// ---------------------------------------------------------------------------------------------------------------
// Word soup: capitalized words, names, organizations, places, event and speech verbs, dates and quote marks, to
// stress the recognizer, the quote finder and the event coder.

const PEOPLE = [
  'Vladimir Putin', 'Joe Biden', 'Volodymyr Zelensky', 'Xi Jinping', 'Emmanuel Macron', 'Olaf Scholz', 'Antonio Guterres',
  'Benjamin Netanyahu', 'Lidia Marek', 'Pavel Strand', 'Maren Holt', 'Kim Jong Un', 'Recep Tayyip Erdogan', 'Narendra Modi',
];
const TITLES = ['Mr.', 'Mrs.', 'Dr.', 'Gen.', 'Sen.', 'President', 'Prime Minister', 'Foreign Minister', 'Defence Minister', 'spokesman', 'Secretary-General', 'King', 'Pope'];
const ORGS = ['NATO', 'United Nations', 'the European Union', 'Hamas', 'Reuters', 'the Kremlin', 'the White House', 'the Pentagon', 'U.N.', 'U.S.', 'UN Security Council', 'the Taliban', 'Hezbollah', 'the IMF', 'Congress', 'the army', 'police'];
const PLACES = ['Russia', 'Ukraine', 'Kyiv', 'Moscow', 'Washington', 'China', 'Beijing', 'Gaza', 'Israel', 'Paris', 'France', 'Germany', 'Berlin', 'Iran', 'Tehran', 'New York', 'Selvara', 'Kestria', 'the Donbas', 'South Korea'];
const DEMONYMS = ['Russian', 'Ukrainian', 'American', 'Chinese', 'Israeli', 'Palestinian', 'French', 'German', 'Iranian', 'Velorian'];
const VERBS = [
  'met', 'met with', 'attacked', 'condemned', 'accused', 'said', 'says', 'told reporters', 'told', 'warned', 'threatened', 'visited',
  'signed', 'rejected', 'urged', 'called on', 'sanctioned', 'arrested', 'killed', 'praised', 'denied', 'agreed', 'invaded',
  'negotiated with', 'demanded', 'expelled', 'bombed', 'criticized', 'announced', 'added', 'wrote', 'insisted', 'according to',
  'will meet', 'has attacked', 'did not condemn', 'was attacked by', 'hosted', 'mediated between', 'pushed back', 'invasion of',
];
const DATES = [
  'on Tuesday', 'last week', 'March 3, 2024', 'in 2022', '2024-02-29', 'yesterday', 'on 5 May', 'tomorrow', 'Monday', 'early Friday',
  'in the 1990s', '31/12/2023', 'Jan. 5', 'this year', '2023-13-45', 'February 30', '10:30 a.m.', 'last month', 'in May 1945', '9/11',
  'on Thursday night', 'since 2014', 'by 2030', '3000 BC', '0000-00-00', '1 January 10000',
];
const FUNC = ['the', 'a', 'of', 'in', 'and', 'that', 'to', 'with', 'against', 'by', 'on', 'its', 'his', 'her', 'they', 'he', 'she', 'it', 'who', 'not', 'we', 'I', 'you', 'their'];
const QUOTE_MARKS = ['"', '“', '”', '‘', '’', "'", '«', '»', '„', '‹', '›', '「', '」', '``', "''", '"', '"', '“', '”'];
const PUNCT = ['.', ',', ';', ':', '!', '?', '(', ')', '...', '—', '–', ' - ', '.\n', '.\n\n', '\n\n', '(Reuters) -', 'KYIV, April 25 (Reuters) -', 'MOSCOW —'];

const capWord = fc.stringMatching(/^[A-Z][a-z]{1,9}$/);
const capsWord = fc.stringMatching(/^[A-Z]{2,6}$/);
const lowerWord = fc.stringMatching(/^[a-z]{1,9}$/);

const soupToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: capWord },
  { weight: 1, arbitrary: capsWord },
  { weight: 3, arbitrary: lowerWord },
  { weight: 3, arbitrary: fc.constantFrom(...PEOPLE) },
  { weight: 2, arbitrary: fc.constantFrom(...TITLES) },
  { weight: 2, arbitrary: fc.constantFrom(...ORGS) },
  { weight: 2, arbitrary: fc.constantFrom(...PLACES) },
  { weight: 1, arbitrary: fc.constantFrom(...DEMONYMS) },
  { weight: 4, arbitrary: fc.constantFrom(...VERBS) },
  { weight: 2, arbitrary: fc.constantFrom(...DATES) },
  { weight: 4, arbitrary: fc.constantFrom(...FUNC) },
  { weight: 3, arbitrary: fc.constantFrom(...QUOTE_MARKS) },
  { weight: 3, arbitrary: fc.constantFrom(...PUNCT) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 100_000 }).map(String) },
  { weight: 1, arbitrary: weirdChar },
);

const glue = fc.constantFrom(' ', ' ', ' ', ' ', '', '\n', '  ', '\u00A0');

/** A run of word soup ("Vladimir Putin “ met Kestria on Tuesday , said ..."). */
export function wordSoup(maxTokens = 80): fc.Arbitrary<string> {
  return fc.array(fc.tuple(soupToken, glue), { maxLength: maxTokens }).map((ts) => ts.map(([t, g]) => t + g).join(''));
}

/** A plausible-shaped sentence: subject, verb, object, date, with optional quotation around a clause. */
export const newsSentence: fc.Arbitrary<string> = fc
  .tuple(
    fc.option(fc.constantFrom(...TITLES), { nil: '' }),
    fc.constantFrom(...PEOPLE, ...ORGS, ...PLACES),
    fc.constantFrom(...VERBS),
    fc.constantFrom(...PEOPLE, ...ORGS, ...PLACES),
    fc.option(fc.constantFrom(...DATES), { nil: '' }),
    fc.option(fc.tuple(fc.constantFrom(...QUOTE_MARKS), wordSoup(12), fc.constantFrom(...QUOTE_MARKS)), { nil: null }),
  )
  .map(([title, s, v, o, d, q]) => {
    const core = `${title ? `${title} ` : ''}${s} ${v} ${o}${d ? ` ${d}` : ''}.`;
    return q ? `${q[0]}${q[1]},${q[2]} ${s} ${v}. ${core}` : core;
  });

const paragraphText = fc.oneof(
  { weight: 3, arbitrary: fc.array(newsSentence, { minLength: 1, maxLength: 6 }).map((a) => a.join(' ')) },
  { weight: 3, arbitrary: wordSoup(60) },
  { weight: 1, arbitrary: unicodeText(120) },
);

const paraSep = fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\r\n', '\n \n', '\n\n\n\n', '\u2029', '\u2028', '\n\t\n', '\r');

/** A plain-text article: a title line, then paragraphs with assorted separators and header-like lines. */
export const textArticle: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(wordSoup(12), fc.constantFrom('', '.', '---', '# Heading', 'By Maren Holt', 'KYIV:', 'Photo: AP')),
    fc.array(fc.tuple(paragraphText, paraSep), { maxLength: 12 }),
  )
  .map(([title, ps]) => title + '\n\n' + ps.map(([p, s]) => p + s).join(''));

/** Any text input: articles, soup, raw unicode. */
export const textInput: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: textArticle },
  { weight: 2, arbitrary: wordSoup(200) },
  { weight: 2, arbitrary: unicodeText(600) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
);

// ---------------------------------------------------------------------------------------------------------------
// HTML

const TAGS = [
  'html', 'head', 'body', 'title', 'meta', 'link', 'base', 'div', 'p', 'span', 'a', 'b', 'i', 'em', 'strong', 'article', 'main',
  'section', 'header', 'footer', 'nav', 'aside', 'h1', 'h2', 'h3', 'h6', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'tbody',
  'blockquote', 'pre', 'code', 'br', 'hr', 'img', 'figure', 'figcaption', 'picture', 'source', 'script', 'style', 'noscript',
  'template', 'svg', 'math', 'iframe', 'object', 'form', 'input', 'textarea', 'select', 'option', 'button', 'time', 'address',
  'small', 'cite', 'q', 'sup', 'dl', 'dt', 'dd', 'details', 'summary', 'video', 'frameset', 'plaintext', 'xmp', 'textarea',
  'X-CUSTOM', 'foo:bar', 'DIV', 'P',
];
const ATTR_NAMES = [
  'class', 'id', 'href', 'src', 'srcset', 'data-src', 'style', 'onload', 'onerror', 'itemprop', 'itemtype', 'content', 'property',
  'name', 'rel', 'lang', 'dir', 'datetime', 'type', 'charset', 'http-equiv', 'hidden', 'aria-hidden', 'role', 'alt', 'title', 'x',
];
const CLASS_WORDS = [
  'article', 'article-body', 'story', 'content', 'post', 'entry-content', 'byline', 'author', 'dek', 'standfirst', 'summary',
  'caption', 'credit', 'photo-credit', 'wp-caption', 'comment', 'comments', 'related', 'share', 'social', 'nav', 'menu', 'footer',
  'sidebar', 'ad', 'advert', 'promo', 'newsletter', 'date', 'published', 'timestamp', 'dateline', 'headline', 'title', 'hidden',
];

/** URLs good and evil, for href/src/content attributes and <base>. */
export const urlArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.webUrl() },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', 'java\tscript:alert(1)',
      '\u0001javascript:alert(1)', '\u0000javascript:alert(1)', 'javascript&colon;alert(1)', '&#106;avascript:alert(1)',
      'jav&#x09;ascript:alert(1)', 'vbscript:msgbox(1)', 'data:text/html,<script>alert(1)</script>',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'data:image/svg+xml,<svg onload=alert(1)>',
      'data:image/png;base64,iVBORw0KGgo=', 'data:,x', 'DATA:text/html,x', 'file:///etc/passwd', 'ftp://a.com/x.jpg',
      'blob:https://a.com/uuid', 'filesystem:x', '//evil.com/x.jpg', '/img/a.jpg', 'a.jpg', '../x.png', '?q=1', '#frag',
      'http://', 'https://[::1]/x', 'http://%zz', 'https://a.com/\u0000.jpg', 'https://a.com/\uD800.jpg', '',
      ' ', 'x:', 'mailto:a@b.c', 'about:blank', 'chrome://settings', 'view-source:https://a.com', 'jar:https://a.com!/',
    ),
  },
  { weight: 1, arbitrary: unicodeText(30) },
);

const attrValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...CLASS_WORDS), { maxLength: 3 }).map((a) => a.join(' ')) },
  { weight: 2, arbitrary: urlArb },
  { weight: 1, arbitrary: fc.constantFrom('og:title', 'og:image', 'article:published_time', 'author', 'description', 'headline', 'datePublished', '2024-03-05T10:00:00Z', 'text/html; charset=utf-8', 'utf-8', 'windows-1251', 'rtl', 'en', 'ru') },
  { weight: 2, arbitrary: unicodeText(40) },
);

function quoteAttr(v: string, style: number): string {
  if (style === 0) return `"${v.replace(/"/g, '&quot;')}"`;
  if (style === 1) return `'${v.replace(/'/g, '&#39;')}'`;
  if (style === 2) return v.replace(/[\s>"'=<`]/g, '_') || 'x';
  return `"${v}`; // unterminated or raw: broken markup on purpose
}

const attribute = fc
  .tuple(fc.constantFrom(...ATTR_NAMES), attrValue, fc.integer({ min: 0, max: 6 }))
  .map(([n, v, s]) => (s === 6 ? ` ${n}` : ` ${n}=${quoteAttr(v, s > 3 ? 0 : s)}`));
const attributes = fc.array(attribute, { maxLength: 4 }).map((a) => a.join(''));

const ENTITIES = ['&amp;', '&lt;', '&gt;', '&quot;', '&nbsp;', '&nbsp', '&', '&#0;', '&#x0;', '&#xD800;', '&#55296;', '&#1114112;', '&#x110000;', '&#99999999999;', '&#x;', '&#;', '&copy', '&mdash;', '&ldquo;', '&rdquo;', '&zwnj;', '&rlm;', '&NotAnEntity;', '&#x202E;', '&#8232;', '&#128512;'];

const tagSoupToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...TAGS), attributes).map(([t, a]) => `<${t}${a}>`) },
  { weight: 4, arbitrary: fc.constantFrom(...TAGS).map((t) => `</${t}>`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...TAGS), attributes).map(([t, a]) => `<${t}${a}/>`) },
  { weight: 5, arbitrary: paragraphText },
  { weight: 2, arbitrary: fc.constantFrom(...ENTITIES) },
  { weight: 1, arbitrary: wordSoup(5).map((s) => `<!--${s}-->`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '<', '</', '<p', '<a href="', '<!--', '-->', '<![CDATA[', ']]>', '<!doctype html>', '<?xml version="1.0"?>', '<!', '<>', '</>',
      '< p>', '<p <p>', '<div class="a" class="b">', '<img src=x onerror=alert(1)>', '<script>', '</script>', '<style>', '</style>',
      '<title>', '</title>', '<textarea>', '<noscript>', '<plaintext>', '"', "'", '>', '=', '<br/>', '</br>', '</p>', '<p/>',
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2024-02-30","author":{"name":"<b>X</b>"},"image":"javascript:alert(1)"}</script>',
      '<meta property="og:image" content="javascript:alert(1)">', '<meta charset="utf-7">', '<base href="javascript:alert(1)//">',
    ),
  },
);

/** Tag soup: unclosed, misnested, stray and broken tags among text, entities and comments. */
export function tagSoup(maxTokens = 80): fc.Arbitrary<string> {
  return fc.array(tagSoupToken, { maxLength: maxTokens }).map((a) => a.join(''));
}

const inline = fc.constantFrom('b', 'i', 'em', 'strong', 'a', 'span', 'small', 'q', 'code');

/** Paragraph HTML with inline markup, some of it unclosed. */
const htmlParagraph: fc.Arbitrary<string> = fc
  .tuple(paragraphText, fc.array(fc.tuple(inline, attributes, fc.boolean(), paragraphText), { maxLength: 3 }), fc.constantFrom('p', 'p', 'p', 'h2', 'li', 'blockquote', 'pre', 'div'))
  .map(([head, parts, block]) => `<${block}>${head}${parts.map(([t, a, close, s]) => `<${t}${a}>${s}${close ? `</${t}>` : ''}`).join(' ')}</${block}>`);

const figure: fc.Arbitrary<string> = fc
  .tuple(urlArb, urlArb, paragraphText, fc.constantFrom('', 'Photo: AP', '(Reuters)', 'Getty Images', '© Jan Toller'), fc.integer({ min: 0, max: 3 }))
  .map(([src, src2, cap, credit, style]) => {
    const e = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    if (style === 0) return `<figure><img src="${e(src)}" alt="x"><figcaption>${cap} ${credit}</figcaption></figure>`;
    if (style === 1) return `<figure><picture><source srcset="${e(src)} 1x, ${e(src2)} 2x"><img data-src="${e(src2)}"></picture><figcaption>${cap}<small>${credit}</small></figcaption></figure>`;
    if (style === 2) return `<div class="wp-caption"><img srcset="${e(src)}"><p class="wp-caption-text">${cap}</p><span class="credit">${credit}</span></div>`;
    return `<figure itemprop="image"><meta itemprop="url" content="${e(src)}"><img src=${src.replace(/[\s>]/g, '')}><figcaption>${cap}</figcaption></figure>`;
  });

/** A page shaped like a news article (head metadata, nav, article, figures, footer) with random content. */
export const htmlPage: fc.Arbitrary<string> = fc
  .tuple(
    wordSoup(10),
    fc.array(fc.tuple(fc.constantFrom('og:title', 'og:image', 'og:site_name', 'article:published_time', 'description', 'author', 'twitter:image'), attrValue), { maxLength: 5 }),
    fc.option(urlArb, { nil: null }),
    fc.array(fc.oneof({ weight: 5, arbitrary: htmlParagraph }, { weight: 1, arbitrary: figure }, { weight: 1, arbitrary: tagSoup(8) }), { maxLength: 12 }),
    fc.constantFrom('', 'By Maren Holt', 'By <a href="/a">Lidia Marek</a> and Pavel Strand', 'Posted by admin on March 3, 2024'),
    fc.boolean(),
  )
  .map(([title, metas, base, body, byline, wrap]) => {
    const e = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    const head =
      `<head><meta charset="utf-8"><title>${e(title)} | Site</title>` +
      metas.map(([p, v]) => `<meta property="${p}" name="${p}" content="${e(v)}">`).join('') +
      (base != null ? `<base href="${e(base)}">` : '') +
      '</head>';
    const article = `<h1>${title}</h1><p class="byline">${byline}</p>${body.join('\n')}`;
    return `<!doctype html><html lang="en">${head}<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>` +
      (wrap ? `<main><article>${article}</article></main>` : `<div id="content">${article}</div>`) +
      '<footer>© 2024 Northgate Herald</footer></body></html>';
  });

/** Deep nesting of random tags, closed partly, wholly or not at all. */
export const deepHtml: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 3000 }), fc.constantFrom('div', 'span', 'p', 'b', 'li', 'table', 'blockquote', 'a', 'section'), fc.double({ min: 0, max: 1, noNaN: true }), paragraphText)
  .map(([depth, tag, closeShare, text]) => `<html><body>${`<${tag}>`.repeat(depth)}<p>${text}</p>${`</${tag}>`.repeat(Math.floor(depth * closeShare))}`);

/** Any HTML input. */
export const htmlInput: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: htmlPage },
  { weight: 3, arbitrary: tagSoup(120) },
  { weight: 1, arbitrary: deepHtml },
  { weight: 1, arbitrary: unicodeText(400) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
);

// ---------------------------------------------------------------------------------------------------------------
// Bytes

/** Bytes: random, invalid UTF-8, legacy encodings, BOMs, gzip, and encoded text/HTML. */
export const bytesInput: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2000 }) },
  {
    weight: 2,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom(0xc0, 0xc1, 0xf5, 0xff, 0xfe, 0x80, 0xbf, 0xed, 0xa0, 0xe0, 0xf0, 0xf4, 0x90, 0xc2, 0xef, 0xbb),
          fc.integer({ min: 0x20, max: 0x7e }),
        ),
        { maxLength: 600 },
      )
      .map((a) => Uint8Array.from(a)),
  },
  { weight: 3, arbitrary: fc.oneof(textInput, htmlInput).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom<{ bom: number[]; enc: BufferEncoding }>(
          { bom: [0xef, 0xbb, 0xbf], enc: 'utf8' },
          { bom: [0xff, 0xfe], enc: 'utf16le' },
          { bom: [0xfe, 0xff], enc: 'utf16le' }, // a big-endian BOM on little-endian bytes: a lie
          { bom: [], enc: 'latin1' },
          { bom: [], enc: 'utf16le' },
        ),
        fc.oneof(textInput, htmlInput),
      )
      .map(([{ bom, enc }, s]) => new Uint8Array(Buffer.concat([Buffer.from(bom), Buffer.from(s, enc)]))),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('utf-8', 'windows-1251', 'shift_jis', 'utf-16', 'utf-7', 'foo', 'x'.repeat(100), '"', 'iso-8859-1'), fc.oneof(textInput, htmlInput))
      .map(([cs, s]) => new Uint8Array(Buffer.from(`<html><head><meta charset="${cs}"></head><body>${s}`, 'latin1'))),
  },
);

/** Bytes for the read path: the above, gzipped whole or truncated, and small gzip bombs. */
export const readBytesInput: fc.Arbitrary<{ bytes: Uint8Array; bomb: number }> = fc.oneof(
  { weight: 3, arbitrary: bytesInput.map((bytes) => ({ bytes, bomb: 0 })) },
  { weight: 2, arbitrary: bytesInput.map((b) => ({ bytes: new Uint8Array(gzipSync(b)), bomb: 0 })) },
  {
    weight: 1,
    arbitrary: fc.tuple(bytesInput, fc.double({ min: 0, max: 1, noNaN: true })).map(([b, cut]) => {
      const gz = gzipSync(b);
      return { bytes: new Uint8Array(gz.subarray(0, Math.floor(gz.length * cut))), bomb: 0 };
    }),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.constantFrom(0x20, 0x41, 0x00, 0x3c)).map(([mb, byte]) => ({
      bytes: new Uint8Array(gzipSync(Buffer.alloc(mb * 1024 * 1024, byte), { level: 9 })),
      bomb: mb * 1024 * 1024,
    })),
  },
);

// ---------------------------------------------------------------------------------------------------------------
// Batch lines

const publishedArb = fc.oneof(
  fc.constantFrom('2024-03-05', '2024-02-29', '2023-02-29', '2024-02-30', '2024-04-31', '2024-13-01', '0000-01-01', '9999-12-31', '2024-3-5', '', ' 2024-03-05', '2024-03-05T00:00:00Z', 'yesterday'),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.string({ maxLength: 12 }),
);

const batchValue: fc.Arbitrary<unknown> = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

/** One `analyze --jsonl` input line: a well-formed object, a mangled one, or garbage. */
export const batchLine: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          id: fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.double(), batchValue),
          text: fc.oneof(textInput, batchValue),
          html: fc.oneof(htmlInput, batchValue),
          url: fc.oneof(urlArb, batchValue),
          published: fc.oneof(publishedArb, batchValue),
          constructor: batchValue,
        },
        { requiredKeys: [] },
      )
      .map((o) => JSON.stringify(o)),
  },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 1, arbitrary: unicodeText(200) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.record({ id: fc.string(), text: textInput }).map((o) => JSON.stringify(o)), fc.nat(), fc.string({ maxLength: 5 })).map(([s, at, ins]) => {
      const k = at % (s.length + 1);
      return s.slice(0, k) + ins + s.slice(k);
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'null', '[]', '{}', '""', '0', 'true', '{"text":null}', '{"text":1}', '{"text":"x","__proto__":{"html":"<p>y"}}', '{"html":"","published":"2024-02-30"}', '\uFEFF{"text":"x"}', '{"text":"\\ud800"}', '{"text":"x"}{"text":"y"}') },
);

// ---------------------------------------------------------------------------------------------------------------
// Invariants

/** Assert-style check that a value survives JSON.stringify/JSON.parse unchanged (no undefined, NaN, Infinity, Dates, Maps...). */
export function assertJsonRoundTrip(value: unknown, what: string): void {
  const s = JSON.stringify(value);
  assert.equal(typeof s, 'string', `${what}: JSON.stringify gave ${typeof s}`);
  assert.deepStrictEqual(JSON.parse(s), value, `${what}: changed in a JSON round trip`);
}

function assertSpan(text: string, s: Span, what: string): void {
  assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end), `${what}: offsets ${s.start}..${s.end} are not integers`);
  assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${what}: span ${s.start}..${s.end} outside text of length ${text.length}`);
}

function assertSpanText(text: string, s: Span & { text: string }, what: string): void {
  assertSpan(text, s, what);
  assert.equal(text.slice(s.start, s.end), s.text, `${what}: text.slice(${s.start}, ${s.end}) differs from its text`);
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/** True for an image URL that is safe to put in an <img src>: http(s), scheme-relative or relative, or data:image. */
export function isSafeImageUrl(u: string): boolean {
  // What a browser's URL parser would see: leading/trailing C0 controls and spaces stripped, tabs and newlines removed.
  // eslint-disable-next-line no-control-regex
  const seen = u.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const m = SCHEME.exec(seen);
  if (!m) return true; // relative
  const scheme = m[1]!.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return true;
  return scheme === 'data' && /^data:image\//i.test(seen);
}

export function checkMedia(media: Media[], what: string): void {
  for (const [i, m] of media.entries()) {
    for (const k of ['caption', 'credit', 'image'] as const) {
      assert.ok(m[k] === null || typeof m[k] === 'string', `${what}.media[${i}].${k} is ${typeof m[k]}`);
    }
    if (m.image != null) assert.ok(isSafeImageUrl(m.image), `${what}.media[${i}].image is not http(s)/relative/data:image: ${JSON.stringify(m.image.slice(0, 200))}`);
  }
}

/** What an extractor returns: the right shapes, safe media, JSON-safe, and a well-formed article once laid out. */
export function checkExtracted(x: Extracted, what: string): Article {
  for (const k of ['title', 'dek', 'published', 'siteName', 'language'] as const) {
    assert.ok(x[k] === null || typeof x[k] === 'string', `${what}.${k} is ${typeof x[k]}`);
  }
  for (const k of ['bylines', 'datelines', 'removed'] as const) {
    assert.ok(Array.isArray(x[k]) && x[k].every((s) => typeof s === 'string'), `${what}.${k} is not a string array`);
  }
  assert.ok(Array.isArray(x.blocks), `${what}.blocks is not an array`);
  for (const b of x.blocks) assert.ok(typeof b.text === 'string' && typeof b.kind === 'string', `${what}: a block is malformed`);
  checkMedia(x.media, what);
  assertJsonRoundTrip(x, what);
  const a = toArticle('fuzz', null, x);
  checkArticle(a, what);
  return a;
}

/** article.text is the paragraphs joined by "\n\n", with in-bounds, ordered, non-empty spans. */
export function checkArticle(a: Article, what: string): void {
  const text = a.text;
  assert.equal(typeof text, 'string');
  let prev = -2;
  for (const [i, p] of a.paragraphs.entries()) {
    assertSpan(text, p, `${what}: paragraph ${i}`);
    assert.ok(p.end > p.start, `${what}: paragraph ${i} is empty`);
    assert.equal(p.start, prev + 2, `${what}: paragraph ${i} starts at ${p.start}, not 2 after the last one's end (${prev})`);
    prev = p.end;
  }
  const joined = a.paragraphs.map((p) => text.slice(p.start, p.end)).join('\n\n');
  assert.equal(text, joined, `${what}: article.text is not its paragraphs joined by "\\n\\n"`);
  checkMedia(a.media, what);
}

/** Every invariant of an analysed document. */
export function checkDoc(doc: Doc, what: string): void {
  const a = doc.article;
  const text = a.text;
  checkArticle(a, what);
  let last = 0;
  for (const [i, s] of doc.sentences.entries()) {
    assertSpan(text, s, `${what}: sentence ${i}`);
    assert.ok(s.start >= last, `${what}: sentence ${i} overlaps the one before`);
    last = s.end;
  }
  for (const e of doc.entities) {
    assert.ok(typeof e.id === 'string' && typeof e.name === 'string', `${what}: entity without id/name`);
    for (const [i, m] of e.mentions.entries()) assertSpanText(text, m, `${what}: entity ${e.id} mention ${i}`);
  }
  const ids = new Set(doc.entities.map((e) => e.id));
  for (const [i, q] of doc.quotes.entries()) {
    assertSpanText(text, q, `${what}: quote ${i}`);
    if (q.speakerMention) assertSpanText(text, q.speakerMention, `${what}: quote ${i} speaker mention`);
    if (q.speaker) assert.ok(ids.has(q.speaker.id), `${what}: quote ${i} speaker ${q.speaker.id} is not an entity`);
  }
  for (const [i, d] of doc.dates.entries()) {
    assertSpanText(text, d, `${what}: date ${i}`);
    // ISO 8601 at the granularity written: "2022", "2022-02", "2025-04-25", "2024-W09", "2024-02-29T10:30", ranges "a/b"
    if (d.value != null) assert.match(d.value, /^[+-]?\d[\dA-Z:+./-]{0,80}$/, `${what}: date ${i} value ${JSON.stringify(d.value)}`);
  }
  for (const [i, ev] of doc.events.entries()) {
    assertSpan(text, ev, `${what}: event ${i}`);
    assert.equal(text.slice(ev.start, ev.end), ev.sentence, `${what}: event ${i} sentence differs from its span`);
    assert.ok(Number.isFinite(ev.goldstein) && Number.isFinite(ev.quadClass), `${what}: event ${i} numbers`);
    for (const side of [ev.source, ev.target]) if (side?.entity != null) assert.ok(ids.has(side.entity), `${what}: event ${i} actor ${side.entity} is not an entity`);
  }
  for (const [i, m] of doc.messages.entries()) if (m.position) assertSpan(text, m.position, `${what}: message ${i}`);
  assertJsonRoundTrip(analysisJson(doc), `${what}: analysis JSON`);
  assertJsonRoundTrip(extractJson(doc, 'fuzz'), `${what}: extract JSON`);
}

/** Milliseconds allowed for one document: 2 s per MB of input for the extractors, more for the whole analysis. */
export function timeBound(chars: number, kind: 'extract' | 'pipeline'): number {
  const mb = Math.max(1, chars / (1024 * 1024));
  return kind === 'extract' ? 2000 * mb : 5000 * mb;
}

/** Runs fn, asserting it finishes within the bound (a hang still needs the runner's timeout; this catches slowness). */
export function timed<T>(bound: number, what: string, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  assert.ok(ms <= bound, `${what}: took ${ms.toFixed(0)} ms, more than ${bound} ms`);
  return out;
}

/** True for the errors a documented throwing function may throw. */
export function isInputError(e: unknown): boolean {
  return e instanceof InputError;
}

// ---------------------------------------------------------------------------------------------------------------
// Targets

let pipelineInstance: Pipeline | null = null;
export function pipeline(): Pipeline {
  return (pipelineInstance ??= defaultPipeline());
}

export function runPipeline(input: RawInput, what: string): Doc {
  let doc: Doc;
  try {
    doc = timed(timeBound(input.body.length, 'pipeline'), what, () => pipeline().run(input));
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    // The stage wrapper turns any crash into a NewsgraphError; on a valid input none is documented.
    throw new Error(`${what}: the pipeline threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
  }
  checkDoc(doc, what);
  return doc;
}

export function checkHtml(html: string): void {
  const x = timed(timeBound(html.length, 'extract'), 'extractHtml', () => extractHtml(html, { url: 'https://news.example/world/story.html' }));
  checkExtracted(x, 'extractHtml');
  const y = extractHtml(html);
  checkExtracted(y, 'extractHtml (no url)');
}

export function checkText(body: string): void {
  for (const markdown of [false, true]) {
    const x = timed(timeBound(body.length, 'extract'), 'extractText', () => extractText(body, { markdown }));
    checkExtracted(x, `extractText${markdown ? ' (markdown)' : ''}`);
  }
}

export function checkDecode(bytes: Uint8Array, contentType: string | null): void {
  let d;
  try {
    d = timed(timeBound(bytes.length, 'extract'), 'decodeBytes', () => decodeBytes(bytes, { source: 'fuzz', contentType }));
  } catch (e) {
    if (e instanceof InputError) {
      assert.ok(!e.message.includes('\n'), 'InputError messages are one line');
      return;
    }
    throw e;
  }
  assert.equal(typeof d.body, 'string');
  assert.ok(/\S/.test(d.body), 'decoded body is not blank');
  assert.ok(d.format === 'text' || d.format === 'html');
  assert.ok(typeof d.charset === 'string' && d.charset.length > 0);
  assert.ok(d.body.charCodeAt(0) !== 0xfeff, 'the BOM is stripped');
  assert.ok(d.warnings.every((w) => typeof w === 'string' && !w.includes('\n')), 'warnings are one line');
  // Valid UTF-8 without a BOM and without a legacy charset label decodes to exactly its text.
  if (d.charset === 'utf-8' && d.warnings.length === 0 && (bytes[0] !== 0xef || bytes[1] !== 0xbb)) {
    assert.equal(d.body, Buffer.from(bytes).toString('utf8'), 'valid UTF-8 decodes to itself');
  }
}

export async function checkRead(input: { bytes: Uint8Array; bomb: number }, maxBytes: number): Promise<void> {
  const t0 = performance.now();
  try {
    const r = await readInputBytes(input.bytes, 'fuzz', { maxBytes });
    assert.ok(input.bomb <= maxBytes, `a ${input.bomb}-byte gzip bomb passed a ${maxBytes}-byte cap`);
    assert.ok(r.body.length > 0 && (r.format === 'text' || r.format === 'html'));
    assertJsonRoundTrip({ ...r }, 'readInputBytes');
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    if (input.bytes.length > maxBytes) assert.match(e.problem, /^file is larger than /, 'an input over the cap is refused as such');
    else if (input.bomb > maxBytes) assert.match(e.problem, /^decompressed size exceeds /, 'a gzip bomb is refused as such');
  }
  const ms = performance.now() - t0;
  assert.ok(ms < 2000, `readInputBytes took ${ms.toFixed(0)} ms`);
}

export function checkBatchLine(line: string): void {
  let item;
  try {
    item = parseBatchLine(line, 7);
  } catch (e) {
    assert.ok(e instanceof NewsgraphError, `parseBatchLine threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
    assert.ok(e.message.startsWith('newsgraph: line 7: '), `the error names the line: ${e.message}`);
    assert.ok(!e.message.includes('\n'), 'one-line error');
    return;
  }
  const o = JSON.parse(line) as Record<string, unknown>;
  assert.ok(o && typeof o === 'object' && !Array.isArray(o));
  const own = (k: string) => (Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
  assert.equal(typeof item.input.body, 'string');
  assert.ok(item.input.format === 'html' ? typeof own('html') === 'string' : typeof own('text') === 'string', 'the body comes from the line\'s own "html" or "text"');
  assert.equal(item.input.body, item.input.format === 'html' ? own('html') : own('text'));
  assert.ok(item.id === null || typeof item.id === 'string' || typeof item.id === 'number');
  assert.ok(item.input.url === null || typeof item.input.url === 'string');
  if (item.published != null) {
    assert.match(item.published, /^\d{4}-\d{2}-\d{2}$/);
    // An accepted date is a real calendar date.
    assert.equal(new Date(`${item.published}T00:00:00Z`).toISOString().slice(0, 10), item.published, `published '${item.published}' is not a calendar date`);
  }
  assert.equal(typeof item.input.source, 'string');
}

function treeDepth(root: AnyNode): number {
  let max = 0;
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if (d > max) max = d;
    for (const k of (n as Element).children ?? []) stack.push([k, d + 1]);
  }
  return max;
}

/** The HTML depth cap (extract/html/dom.ts capDepth) changes nothing under the cap, keeps all text, bounds the depth. */
export function checkCapDepth(html: string, max: number): void {
  const parse = (h: string) => parseDocument(h, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  assert.equal(capDepth(html, 1e9), html, 'unchanged under the cap');
  const capped = capDepth(html, max);
  assert.equal(textOf(parse(capped), new Set()), textOf(parse(html), new Set()), 'the text content is unchanged');
  const depth = treeDepth(parse(capped));
  assert.ok(depth <= max + 2, `depth ${depth} over the cap ${max}`);
}

export interface Target {
  name: string;
  /** A fresh property (sync or async) for fast-check. */
  property(): fc.IRawProperty<any, boolean>;
  /** Runs for `npm test` (the long runner ignores it). */
  testRuns: number;
}

/** The fuzz targets, shared by the tests and the long runner. */
export const TARGETS: Target[] = [
  { name: 'extractHtml', testRuns: 250, property: () => fc.property(htmlInput, (html) => void checkHtml(html)) },
  { name: 'extractText', testRuns: 500, property: () => fc.property(textInput, (body) => void checkText(body)) },
  {
    name: 'decodeBytes',
    testRuns: 500,
    property: () =>
      fc.property(bytesInput, fc.option(fc.constantFrom('text/html; charset=utf-8', 'text/html; charset=windows-1251', 'text/plain; charset="utf-16"', 'text/html; charset=utf-7', 'text/html; charset=', 'x'), { nil: null }), (b, ct) => void checkDecode(b, ct)),
  },
  {
    name: 'readInputBytes',
    testRuns: 100,
    property: () => fc.asyncProperty(readBytesInput, fc.constantFrom(64, 4096, 512 * 1024, 2 * 1024 * 1024), async (input, max) => void (await checkRead(input, max))),
  },
  {
    name: 'pipeline-text',
    testRuns: 100,
    property: () => fc.property(textInput, fc.option(urlArb, { nil: null }), (body, url) => void runPipeline({ source: 'fuzz.txt', url, format: 'text', body }, 'pipeline(text)')),
  },
  {
    name: 'pipeline-html',
    testRuns: 100,
    property: () => fc.property(htmlInput, fc.option(urlArb, { nil: null }), (body, url) => void runPipeline({ source: 'fuzz.html', url, format: 'html', body }, 'pipeline(html)')),
  },
  {
    name: 'capDepth',
    testRuns: 200,
    property: () => fc.property(fc.oneof(tagSoup(150), deepHtml, htmlPage), fc.integer({ min: 2, max: 40 }), (html, max) => void checkCapDepth(html, max)),
  },
  { name: 'parseBatchLine', testRuns: 500, property: () => fc.property(batchLine, (line) => void checkBatchLine(line)) },
];

/** The seed for this run: FUZZ_SEED when set, else a fixed default (printed by the tests so a failure can be replayed). */
export function fuzzSeed(): number {
  const s = Number(process.env.FUZZ_SEED);
  return Number.isInteger(s) ? s : 0x5eed_2024;
}

/** Multiplier for the test runs (FUZZ_RUNS_SCALE=10 for a longer local run). */
export function runScale(): number {
  const s = Number(process.env.FUZZ_RUNS_SCALE);
  return Number.isFinite(s) && s > 0 ? s : 1;
}
