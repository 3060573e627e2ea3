// Class/id and tag hints: what page furniture and article bodies tend to be called.
import type { Element } from 'domhandler';
import { attr, classId, tagName } from './dom.js';

// Whole-token furniture words (tokens are runs of letters/digits in class and id).
const NEG_TOKENS = new Set([
  'comment', 'comments', 'disqus', 'related', 'recommended', 'recommendations', 'sidebar', 'widget', 'widgets',
  'share', 'sharing', 'social', 'newsletter', 'subscribe', 'subscription', 'signup', 'promo', 'promotion', 'advert',
  'advertisement', 'ad', 'ads', 'adslot', 'adunit', 'sponsor', 'sponsored', 'cookie', 'cookies', 'consent', 'gdpr',
  'popup', 'modal', 'footer', 'masthead', 'breadcrumb', 'breadcrumbs', 'nav', 'navbar', 'navigation', 'menu',
  'pagination', 'pager', 'outbrain', 'taboola', 'toolbar', 'tags', 'tagcloud', 'trending', 'popular', 'mostread',
  'banner', 'paywall', 'rail', 'skip', 'jump', 'shoutbox', 'login', 'signin', 'follow', 'print',
  'teaser', 'teasers', 'upsell', 'donate', 'syndication', 'seealso', 'readmore', 'readnext', 'upnext', 'nextstory',
  'morestories', 'combx', 'contact', 'bio', 'meta', 'reactions', 'feedback', 'gallery', 'slideshow', 'carousel',
  'slider', 'lightbox',
]);
// Compound fragments, matched anywhere in the class/id string.
const NEG_FRAGMENTS = /(?:^|[^a-z])comment(?!ed|ary)|disqus|related|recommend|sharebar|share-?tools|social|newsletter|subscri|signup|sign-up|promo|advert|sponsor|cookie|consent|outbrain|taboola|read-?more|read-?next|up-?next|next-?(?:story|article|post)|more-?(?:stories|articles|news|from)|most-?(?:read|popular|viewed)|sidebar|breadcrumb|pagination|paywall|footer|masthead|newsfeed|jp-relatedposts|yarpp/;
const POS_TOKENS = new Set([
  'article', 'articlebody', 'body', 'content', 'entry', 'main', 'post', 'text', 'story', 'prose', 'blog',
  'page', 'hentry', 'column', 'storycontent', 'articlecontent', 'postcontent', 'entrycontent',
]);
const POS_FRAGMENTS = /article-?body|article-?content|story-?body|story-?content|post-?body|post-?content|entry-?content|main-?content|body-?text|article-?text|rich-?text/;

export function tokens(ci: string): string[] {
  return ci.split(/[^a-z0-9]+/).filter(Boolean);
}

// Furniture words that are also used loosely ("read-more" wrappers around the rest of a story, "meta", "bio"):
// these only count when the element is not itself full of paragraphs.
const SOFT_NEG = /(?:^|[^a-z])(?:read-?more|readmore|more|teaser|teasers|rail|meta|print|skip|jump|contact|follow|bio|tags|popup|modal|menu|hidden|banner|toolbar|upsell|syndication|feedback|reactions|login|signin|widget|widgets|promo|promotion)(?:$|[^a-z])/;

const HARD_NEG = /(?:^|[^a-z])comment(?!ed|ary)|disqus|repl(?:y|ies)|respond|discussion|cookie|consent|newsletter|subscri|outbrain|taboola|related|recommend|sidebar|advert|sponsor|promo|gallery|slideshow|carousel|lightbox|footer|breadcrumb/;

/** Furniture words that hold even for long runs of paragraphs (comment threads, related stories). */
export function hardNegative(e: Element): boolean {
  return HARD_NEG.test(classId(e));
}

/** True when a negative class hint is one of the loose words only. */
export function softNegative(e: Element): boolean {
  const ci = classId(e);
  if (!ci || !SOFT_NEG.test(ci)) return false;
  const stripped = ci.replace(new RegExp(SOFT_NEG.source, 'g'), ' ');
  return !(NEG_FRAGMENTS.test(stripped) || tokens(stripped).some((t) => NEG_TOKENS.has(t)));
}

// many elements share class strings: hints are memoized per distinct string (bounded)
const hintMemo = new Map<string, number>();

/** -1 furniture-like, +1 content-like, 0 neither, from class/id. */
export function classHint(e: Element): number {
  const ci = classId(e);
  if (!ci) return 0;
  const m = hintMemo.get(ci);
  if (m !== undefined) return m;
  const h = hintOf(ci);
  if (hintMemo.size > 50_000) hintMemo.clear();
  hintMemo.set(ci, h);
  return h;
}

function hintOf(ci: string): number {
  const toks = tokens(ci);
  const pos = POS_FRAGMENTS.test(ci) || toks.some((t) => POS_TOKENS.has(t));
  const neg = NEG_FRAGMENTS.test(ci) || toks.some((t) => NEG_TOKENS.has(t));
  if (pos && neg) {
    // "article-comments", "post-share": the furniture word is usually the more specific
    return POS_FRAGMENTS.test(ci) && !/comment|share|related|promo|newsletter|advert|sponsor/.test(ci) ? 1 : -1;
  }
  return neg ? -1 : pos ? 1 : 0;
}

/** Furniture by tag or role, independent of class names. */
export function isFurnitureTag(e: Element): boolean {
  const t = tagName(e);
  if (t === 'nav' || t === 'aside' || t === 'footer' || t === 'form' || t === 'menu') return true;
  const role = attr(e, 'role');
  if (role && /^(?:navigation|complementary|contentinfo|banner|menu|menubar|search|dialog|alert|alertdialog)$/i.test(role)) return true;
  return false;
}

/** Elements the author marked as the article body. */
export function isArticleBodyMark(e: Element): boolean {
  const ip = attr(e, 'itemprop');
  return !!ip && /\barticleBody\b/i.test(ip);
}

/** Hidden by attribute or inline style. */
export function isHidden(e: Element): boolean {
  const a = e.attribs;
  if (!a) return false;
  if (a.hidden != null) return true;
  if (a['aria-hidden'] === 'true' && tagName(e) !== 'figure') return true;
  const s = a.style;
  if (s && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(s)) return true;
  return false;
}

/** Caption/credit containers that belong to media, not to body text. */
export function isCaptionLike(e: Element): boolean {
  const t = tagName(e);
  if (t === 'figcaption' || t === 'figure') return true;
  const ci = classId(e);
  return !!ci && /(?:^|[^a-z])(?:wp-caption|wp-caption-text|caption|captions|caption-text|image-?credit|photo-?credit|credit|figure-?caption|media-?caption|img-?caption|image-?caption|photo-?caption)(?:$|[^a-z])/.test(ci);
}
