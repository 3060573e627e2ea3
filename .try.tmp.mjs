import { findDates } from './dist/analyze/dates.js';
const pub = process.argv[2] === 'none' ? null : (process.argv[2] || '2025-04-25');
const texts = [
 'The talks ended on Friday. He said on Thursday they may be close. Protesters staged a march. In March, prices rose. Since May, nothing. The Sunday Times reported it.',
 'In February 2022, Russia invaded. In 2022, elections. The 2022 election was close. World War Two. One second please. He arrived yesterday at 10:30 GMT on Friday. It happened at 10:30 GMT on Friday. Talks on April 25 ended. They met this week, last week, last month and last year, two weeks ago, 3 days ago. Now, today, tonight, this morning.',
 'From April 25 to 27 talks. On Good Friday. On Black Friday. The Mail on Sunday said. next Monday. Leaders will meet on Monday. On Thursday, leaders will meet in Paris. Friday, April 25, 2025. At 9 a.m. local time (0600 GMT) the blast hit. On Dec. 28 it rained. In the 1990s. The 9/11 attacks. He was 12 at 12 years. A total of 2000 people died in 1999. The 2014-2022 period, between 2014 and 2022, the 1990-91 war. Prices rose 2022%. It cost $2022.',
 'Theresa May and Boris Johnson met. May I ask? The army may be ready. April Ryan reported. The ceasefire, due to take effect on Sunday, was agreed. He fought for three days. The next day, he left. Twelve hours later it ended. On Saturday night shelling resumed. Officials said on Monday that talks will resume on Thursday.',
];
for (const t of texts) { const r = findDates(t, pub); for (const d of r.dates) { if (t.slice(d.start,d.end)!==d.text) console.log('OFFSET BUG', d); console.log(JSON.stringify(d.text), '→', d.value); } console.log('unresolved', r.unresolved, '---'); }
