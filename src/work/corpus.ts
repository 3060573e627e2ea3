// Distinct test/bench articles: the demo corpus's texts repeated with a numbered variation in each copy.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEMO = fileURLToPath(new URL('../../demo/articles/', import.meta.url));

/** Writes `n` distinct articles (text and HTML) into `dir`; returns their paths, sorted. */
export function writeVariedArticles(dir: string, n: number): string[] {
  const names = readdirSync(DEMO).filter((f) => /\.(txt|html)$/.test(f)).sort();
  const bodies = names.map((f) => readFileSync(join(DEMO, f), 'utf8'));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % names.length;
    const note = `Editor's note ${i}: copy ${Math.floor(i / names.length) + 1} of this report, filed at ${String(i % 24).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}.`;
    let body = bodies[k]!;
    if (names[k]!.endsWith('.html')) {
      body = body.includes('</article>') ? body.replace('</article>', `<p>${note}</p></article>`) : body.replace('</body>', `<p>${note}</p></body>`);
    } else {
      const nl = body.indexOf('\n');
      body = `${body.slice(0, nl)} (${i})${body.slice(nl)}\n\n${note}\n`;
    }
    const path = join(dir, `${String(i).padStart(4, '0')}-${names[k]}`);
    writeFileSync(path, body);
    out.push(path);
  }
  return out;
}
