// Sentence boundaries over tokens: never inside an abbreviation, an initial, or a quotation's closing mark.
import type { Span } from '../../model.js';
import type { Token } from './tokens.js';

// Abbreviations that end with a period and rarely end a sentence in news copy.
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof st gen lt col maj capt cmdr adm sgt cpl pvt sen rep gov pres amb rev fr sr jr messrs mme ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'no nos vol vols fig figs p pp inc corp co ltd plc llc bros dept est approx vs etc al ave blvd rd mt ft gov\'t'
  ).split(/\s+/),
);

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«']);

/** Sentences as spans of `text`, never crossing a paragraph break ("\n\n"). */
export function splitSentences(text: string, tokens: Token[]): Span[] {
  const out: Span[] = [];
  let start = -1;
  let last = -1;
  const close = (endTok: number) => {
    if (start >= 0) out.push({ start, end: tokens[endTok]!.end });
    start = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (start >= 0 && last >= 0 && text.slice(tokens[last]!.end, t.start).includes('\n')) close(last);
    if (start < 0) start = t.start;
    last = i;
    if (t.kind !== 'punct' || !(t.text === '.' || t.text === '!' || t.text === '?' || t.text === '…')) continue;
    // Absorb closing quotes and brackets, and runs of terminal punctuation.
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1]!.start === tokens[j]!.end && (CLOSERS.has(tokens[j + 1]!.text) || /^[.!?]$/.test(tokens[j + 1]!.text))) j++;
    const next = tokens[j + 1];
    if (!next) {
      i = j;
      last = j;
      close(j);
      continue;
    }
    if (t.text === '.' && i > 0) {
      const prev = tokens[i - 1]!;
      const adjacent = prev.end === t.start;
      if (adjacent && prev.kind === 'word') {
        const lower = prev.text.toLowerCase();
        // "Mr." "Jan." "Inc." and single initials ("John F. Kennedy") do not end sentences.
        if (ABBREVIATIONS.has(lower) || (prev.text.length === 1 && prev.cap)) continue;
      }
    }
    // A boundary needs the next sentence to start plausibly: a capital, a digit, or an opening quote.
    // '"… the future!" Trump wrote.': a quotation's own stop, followed by its attribution, is not a boundary.
    if (j > i && isQuoteMark(tokens[j]!.text) && attributionFollows(tokens, j + 1)) {
      i = j;
      continue;
    }
    const n = next.text;
    const startsSentence = next.cap || next.kind === 'number' || OPENERS.has(n) || next.upper;
    const gap = text.slice(tokens[j]!.end, next.start);
    if (startsSentence && gap.length > 0) {
      i = j;
      last = j;
      close(j);
    }
  }
  if (start >= 0 && last >= 0) close(last);
  return out;
}

const QUOTE_MARKS = new Set(['"', '”', '’', "'", '»']);
function isQuoteMark(s: string): boolean {
  return QUOTE_MARKS.has(s);
}

const SPEECH_VERBS = new Set(
  'said says say wrote writes told tells asked asks added adds replied replies tweeted posted declared stated insisted warned explained continued shouted yelled'.split(' '),
);

/** A short attribution ("Trump wrote.", "said Ushakov,") right after a closing quote. */
function attributionFollows(tokens: Token[], from: number): boolean {
  for (let k = from; k < Math.min(tokens.length, from + 6); k++) {
    const t = tokens[k]!;
    if (t.kind === 'punct' && /^[.!?]$/.test(t.text)) return false;
    if (t.kind === 'word' && SPEECH_VERBS.has(t.text.toLowerCase())) return true;
  }
  return false;
}
