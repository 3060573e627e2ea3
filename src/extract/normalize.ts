// Text normalization shared by every extractor, so offsets always index the same kind of text.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Control characters other than tab and newline (C0 and C1).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const SPACES = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/** One paragraph: NFC, no zero-width or control characters, runs of spaces collapsed, lines joined, trimmed. */
export function normalizeBlock(s: string): string {
  return s
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(/\r\n?|[\u2028\u2029\n]/g, ' ')
    .replace(CONTROL, '')
    .replace(SPACES, ' ')
    .trim();
}

/** Line-preserving normalization for whole plain-text inputs. */
export function normalizeLines(s: string): string[] {
  return s
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .split(/\r\n?|\n|[\u2028\u2029]/)
    .map((l) => l.replace(CONTROL, '').replace(SPACES, ' ').trim());
}
