import { findDates } from './dist/analyze/dates.js';
const story = `KYIV, April 25 (Reuters) - Ukraine's foreign minister said on Friday that talks with Russian officials could resume next week, after a Kremlin aide told reporters on Thursday that Moscow may be ready to send a delegation to Istanbul.

The talks, which collapsed in March 2022 weeks after the invasion began on Feb. 24, 2022, would be the first direct contact since the summer of 2023, officials said. A senior Russian military officer, who spoke on condition of anonymity, said troops had pulled back from two villages overnight.

"We will meet on Monday if the conditions are right," the minister told the Sunday Times in an interview published last weekend. Protesters staged a march in central Kyiv on Wednesday evening, and police said about 2000 people took part.

U.S. Secretary of State Marco Rubio is due to arrive in Paris on Tuesday. Britain's prime minister spoke with French President Emmanuel Macron by phone at 10:30 GMT on Friday, Downing Street said. Both leaders may travel to Brussels in May, an EU official said.

Russia annexed Crimea in 2014 and has occupied parts of the Donbas region since 2014-15. The 2022 invasion displaced millions. In the 1990s, relations were better; one second-hand account says the two sides met 3 times in 1994. The blast at 0600 GMT killed one civilian, the army said in a statement at 9 a.m. local time.

Black Friday sales and Good Friday services were unaffected. The vote was moved from December 28 to January 10. World War Two veterans attended. Prices rose 12% year on year in the first quarter, compared with 2.5% a year earlier.`;
for (const p of ['2025-04-25', null]) { const r = findDates(story, p); for (const d of r.dates) console.log(JSON.stringify(d.text), '→', d.value, story.slice(d.start, d.end) === d.text ? '' : 'BAD OFFSET'); console.log('unresolved', r.unresolved, '----'); }
const big = Array(20).fill(story).join('\n\n'); const words = big.split(/\s+/).length;
let t0 = performance.now(); findDates(big, '2025-04-25'); let ms = performance.now() - t0;
console.log(`${words} words in ${ms.toFixed(0)} ms = ${(words / ms * 1000).toFixed(0)} words/s, ${big.length} chars`);
t0 = performance.now(); findDates(big, '2025-04-25'); ms = performance.now() - t0;
console.log(`warm: ${(words / ms * 1000).toFixed(0)} words/s`);
