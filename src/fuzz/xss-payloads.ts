// A corpus of classic cross-site-scripting payloads, written for newsgraph's tests (src/fuzz/xss.test.ts) and for the
// UI's rendering checks in Chromium. Each payload, if a browser ran it, would call `alert('xss-NN')` (or load
// `javascript:alert('xss-NN')`): the NN marker ties whatever leaks into an output back to its payload.
//
// `where` says where a page should put it: in the article body, in <head>, or in a figure (image URL tricks).

export interface XssPayload {
  id: string;
  /** The payload's marker is, correctly, visible text on the page (a browser shows it and runs nothing). */
  shownAsText?: boolean;
  /** What the trick is. */
  name: string;
  html: string;
  where: 'body' | 'head' | 'figure';
}

const A = (n: number) => `alert('xss-${String(n).padStart(2, '0')}')`;

export const XSS_PAYLOADS: XssPayload[] = [
  // script elements
  { id: 'xss-01', name: 'plain script', where: 'body', html: `<script>${A(1)}</script>` },
  { id: 'xss-02', name: 'script with src and body', where: 'body', html: `<script src="https://evil.example/x.js">${A(2)}</script>` },
  { id: 'xss-03', name: 'upper-case script', where: 'body', html: `<SCRIPT>${A(3)}</SCRIPT>` },
  { id: 'xss-04', name: 'script with odd attribute spacing', where: 'body', html: `<script\ttype="text/javascript"\n>${A(4)}</script\n>` },
  { id: 'xss-05', name: 'script in head', where: 'head', html: `<script>document.title=1;${A(5)}</script>` },
  { id: 'xss-06', name: 'unclosed script to end of page', where: 'body', html: `<script>${A(6)}` },
  { id: 'xss-07', name: 'script hiding a fake close in a string', where: 'body', html: `<script>var s="<\\/script>";${A(7)}</script>` },
  { id: 'xss-08', name: 'script inside svg', where: 'body', html: `<svg><script>${A(8)}</script></svg>` },
  { id: 'xss-09', name: 'module script', where: 'body', html: `<script type="module">${A(9)}</script>` },
  // event handlers
  { id: 'xss-10', name: 'img onerror', where: 'body', html: `<img src=x onerror="${A(10)}">` },
  { id: 'xss-11', name: 'body onload', where: 'body', html: `<body onload="${A(11)}">` },
  { id: 'xss-12', name: 'svg onload', where: 'body', html: `<svg onload="${A(12)}"></svg>` },
  { id: 'xss-13', name: 'svg/onload without space', where: 'body', html: `<svg/onload=${A(13).replace(/'/g, '`')}>` },
  { id: 'xss-14', name: 'details ontoggle', where: 'body', html: `<details open ontoggle="${A(14)}"><summary>More</summary></details>` },
  { id: 'xss-15', name: 'input autofocus onfocus', where: 'body', html: `<input autofocus onfocus="${A(15)}">` },
  { id: 'xss-16', name: 'div onmouseover with text', where: 'body', html: `<div onmouseover="${A(16)}">Hover here for the report.</div>` },
  { id: 'xss-17', name: 'video source onerror', where: 'body', html: `<video><source onerror="${A(17)}"></video>` },
  { id: 'xss-18', name: 'marquee onstart', where: 'body', html: `<marquee onstart="${A(18)}">news</marquee>` },
  // javascript: and other dangerous URLs
  { id: 'xss-19', name: 'javascript: link', where: 'body', html: `<p>Read <a href="javascript:${A(19)}">the statement</a> in full.</p>` },
  { id: 'xss-20', name: 'javascript: with tab and newline', where: 'body', html: `<a href="jav\tascr\nipt:${A(20)}">link</a>` },
  { id: 'xss-21', name: 'entity-encoded javascript:', where: 'body', html: `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${A(21)}">x</a>` },
  { id: 'xss-22', name: 'hex entities without semicolons', where: 'body', html: `<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A${A(22)}">x</a>` },
  { id: 'xss-23', name: 'form action javascript:', where: 'body', html: `<form action="javascript:${A(23)}"><button>Go</button></form>` },
  { id: 'xss-24', name: 'iframe javascript: src', where: 'body', html: `<iframe src="javascript:${A(24)}"></iframe>` },
  { id: 'xss-25', name: 'meta refresh to javascript:', where: 'head', html: `<meta http-equiv="refresh" content="0;url=javascript:${A(25)}">` },
  { id: 'xss-26', name: 'base href javascript:', where: 'head', html: `<base href="javascript:${A(26)}//">` },
  { id: 'xss-27', name: 'object data: text/html', where: 'body', html: `<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>` },
  // srcdoc and nested documents
  { id: 'xss-28', name: 'iframe srcdoc', where: 'body', html: `<iframe srcdoc="&lt;script&gt;${A(28)}&lt;/script&gt;"></iframe>` },
  { id: 'xss-29', name: 'iframe srcdoc with img onerror', where: 'body', html: `<iframe srcdoc="<img src=x onerror=${A(29).replace(/'/g, '&apos;')}>"></iframe>` },
  // CSS
  { id: 'xss-30', name: 'CSS expression', where: 'body', html: `<div style="width: expression(${A(30)});">Styled paragraph of the report.</div>` },
  { id: 'xss-31', name: 'style with javascript: url', where: 'body', html: `<style>body{background:url("javascript:${A(31)}")}</style>` },
  { id: 'xss-32', name: 'style @import', where: 'head', html: `<style>@import 'javascript:${A(32)}';</style>` },
  // images and figures
  { id: 'xss-33', name: 'figure img javascript:', where: 'figure', html: `<figure><img src="javascript:${A(33)}"><figcaption>A caption. Photo: AP</figcaption></figure>` },
  { id: 'xss-34', name: 'figure img data:text/html', where: 'figure', html: `<figure><img src="data:text/html,<script>${A(34)}</script>"><figcaption>Caption</figcaption></figure>` },
  { id: 'xss-35', name: 'figure img vbscript:', where: 'figure', html: `<figure><img src="vbscript:msgbox('xss-35')"><figcaption>Caption</figcaption></figure>` },
  { id: 'xss-36', name: 'figure lazy src with newline in scheme', where: 'figure', html: `<figure><img data-src="java&#10;script:${A(36)}"><figcaption>Caption</figcaption></figure>` },
  { id: 'xss-37', name: 'figure srcset javascript:', where: 'figure', html: `<figure><picture><source srcset="javascript:${A(37)} 1x"><img></picture><figcaption>Caption</figcaption></figure>` },
  { id: 'xss-38', name: 'figure with control char before scheme', where: 'figure', html: `<figure><img src="&#1;javascript:${A(38)}"><figcaption>Caption</figcaption></figure>` },
  { id: 'xss-39', name: 'figure itemprop url javascript:', where: 'figure', html: `<figure itemprop="image"><meta itemprop="url" content="javascript:${A(39)}"><figcaption>Caption</figcaption></figure>` },
  { id: 'xss-40', name: 'img with svg data: URL (allowed image)', where: 'figure', html: `<figure><img src="data:image/svg+xml,<svg onload=${A(40).replace(/'/g, '')}>"><figcaption>Caption</figcaption></figure>` },
  // broken-tag and parser-differential tricks
  { id: 'xss-41', shownAsText: true, name: 'nested script split', where: 'body', html: `<scr<script>ipt>${A(41)}</scr</script>ipt>` },
  { id: 'xss-42', name: 'half-open img', where: 'body', html: `<img src="x" onerror="${A(42)}"` },
  { id: 'xss-43', name: 'noscript mXSS', where: 'body', html: `<noscript><p title="</noscript><img src=x onerror=${A(43).replace(/'/g, '')}>"></noscript>` },
  { id: 'xss-44', name: 'comment break-out', where: 'body', html: `<!--<img src="--><img src=x onerror=${A(44).replace(/'/g, '')}//">` },
  { id: 'xss-45', shownAsText: true, name: 'CDATA in HTML', where: 'body', html: `<![CDATA[<script>${A(45)}</script>]]>` },
  { id: 'xss-46', name: 'title break-out', where: 'head', html: `</title><script>${A(46)}</script>` },
  { id: 'xss-47', name: 'textarea break-out', where: 'body', html: `<textarea></textarea><script>${A(47)}</script></textarea>` },
  { id: 'xss-48', name: 'math/mglyph namespace confusion', where: 'body', html: `<math><mtext><table><mglyph><style><img src=x onerror=${A(48).replace(/'/g, '')}></style></mglyph></table></mtext></math>` },
  { id: 'xss-49', name: 'template content', where: 'body', html: `<template><script>${A(49)}</script><img src=x onerror="${A(49)}"></template>` },
  { id: 'xss-50', name: 'JSON-LD with markup and a javascript: image', where: 'head', html: `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks <b>resume</b> in Selvara","image":"javascript:${A(50).replace(/'/g, '')}","thumbnailUrl":"vbscript:msgbox('xss-50')"}</script>` },
  // entity-encoded payloads that are, correctly, just text on the page
  { id: 'xss-51', shownAsText: true, name: 'entity-encoded script shown as text', where: 'body', html: `<p>The filter blocked &lt;script&gt;${A(51)}&lt;/script&gt; in the comment field, officials said.</p>` },
  { id: 'xss-52', name: 'meta og:image javascript:', where: 'head', html: `<meta property="og:image" content="javascript:${A(52)}"><link rel="image_src" href="javascript:${A(52)}">` },
];
