// The command line: a thin layer over the library. Every command has --help.
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { defaultPipeline, extractPipeline } from '../index.js';
import { NewsgraphError, errorMessage } from '../errors.js';
import { checkPublished } from '../extract/stage.js';
import { analysisJson, extractJson } from '../output.js';
import { analyzeRead, readInputFile, readStdin } from '../ingest/read.js';
import { runBatch } from './batch.js';
import { cmdIngest, cmdSearch, cmdShow, cmdDemo } from './store-commands.js';
import { writeOut } from './io.js';
import { useKnowledgeDir } from '../knowledge/user.js';
import { useDictionaries } from '../analyze/events/user-dictionaries.js';
import { cmdExport, cmdDyad } from './export-commands.js';
import { cmdIngestSources, cmdWatch, hasSources, splitInputs } from './source-commands.js';
import { cmdServe } from '../serve/cli.js';
import { addWorkCommands } from './work-commands.js';

const DEFAULT_DB = './newsgraph.db';

function program(): Command {
  const p = new Command('newsgraph')
    .description('Reads the news the way an analyst does: articles, actors, quotes, events, stories.')
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();

  p.command('extract')
    .description('Extract the clean article (title, bylines, dates, datelines, media, paragraphs) from text or HTML files')
    .argument('<files...>', 'files (.txt, .md, .html, .htm, .html.gz) or - for standard input')
    .option('--jsonl', 'one JSON object per input, in input order (the default)')
    .option('--url <url>', 'the page URL, to resolve relative links (single input)')
    .option('--format <format>', 'treat input as text or html (default: from the extension or sniffed)')
    .action(async (files: string[], o: { url?: string; format?: string }) => {
      const pipeline = extractPipeline();
      let failed = 0;
      for (const file of files) {
        try {
          const doc = analyzeRead(pipeline, await readAny(file, { url: o.url ?? null, format: formatOpt(o.format) }));
          await writeOut(JSON.stringify(extractJson(doc, file)) + '\n');
        } catch (e) {
          if (!(e instanceof NewsgraphError)) throw e;
          failed++;
          process.stderr.write(`${errorMessage(e)}\n`);
          await writeOut(JSON.stringify({ file, error: problemOf(e, file) }) + '\n');
        }
      }
      exitCode = failed ? 1 : 0;
    });

  p.command('analyze')
    .description('Analyse one article (JSON out), or a batch of JSON lines from standard input with --jsonl')
    .argument('[file]', 'a text or HTML file, or - for standard input')
    .option('--json', 'print the whole analysis as JSON')
    .option('--jsonl', 'batch mode: read {id, text|html, published?, url?} lines on stdin, write one analysis per line')
    .option('--published <date>', 'the published date, YYYY-MM-DD, to resolve relative dates')
    .option('--url <url>', 'the article URL')
    .option('--format <format>', 'treat input as text or html')
    .option('--knowledge <dir>', 'a folder of your own knowledge files (people.tsv, organizations.tsv, …) merged over ours')
    .option('--dictionaries <dir>', 'PETRARCH/TABARI dictionaries (actors, agents, verbs, discards) coded beside ours')
    .option('--dictionaries-only', 'code events with the --dictionaries only, instead of ours')
    .action(async (file: string | undefined, o: { json?: boolean; jsonl?: boolean; published?: string; url?: string; format?: string; knowledge?: string; dictionaries?: string; dictionariesOnly?: boolean }) => {
      const published = checkPublished(o.published);
      if (o.knowledge) useKnowledgeDir(o.knowledge);
      if (o.dictionariesOnly && !o.dictionaries) throw new NewsgraphError('--dictionaries-only needs --dictionaries DIR');
      if (o.dictionaries) useDictionaries(o.dictionaries, { only: o.dictionariesOnly });
      const pipeline = defaultPipeline();
      if (o.jsonl) {
        exitCode = await runBatch(pipeline, process.stdin, { published });
        return;
      }
      if (!file) throw new NewsgraphError('analyze needs a FILE (or - for standard input), or --jsonl for batch mode');
      const doc = analyzeRead(pipeline, await readAny(file, { url: o.url ?? null, published, format: formatOpt(o.format) }), { published });
      if (o.json) await writeOut(JSON.stringify(analysisJson(doc), null, 2) + '\n');
      else await writeOut(summary(doc));
    });

  p.command('ingest')
    .description('Extract, analyse and store files, folders and globs; idempotent by content hash and resumable')
    .argument('<paths...>', 'files, folders or globs; http(s) URLs (fetched); WARC files (.warc, .warc.gz)')
    .option('--db <path>', 'the store', DEFAULT_DB)
    .option('--published <date>', 'a published date for inputs that lack one, YYYY-MM-DD')
    .option('--knowledge <dir>', 'a folder of your own knowledge files merged over ours')
    .option('--dictionaries <dir>', 'PETRARCH/TABARI dictionaries coded beside ours')
    .option('--allow-private', 'URLs: also fetch loopback and private-network addresses (refused by default)')
    .option('--delay <seconds>', 'URLs: at least this long between requests to one host', '1')
    .action(async (paths: string[], o: { db: string; published?: string; knowledge?: string; dictionaries?: string; allowPrivate?: boolean; delay?: string }) => {
      if (o.knowledge) useKnowledgeDir(o.knowledge);
      if (o.dictionaries) useDictionaries(o.dictionaries);
      const split = splitInputs(paths);
      if (hasSources(split)) {
        exitCode = await cmdIngestSources(split, { db: o.db, published: checkPublished(o.published), allowPrivate: !!o.allowPrivate, delay: o.delay });
        return;
      }
      exitCode = await cmdIngest(paths, { db: o.db, published: checkPublished(o.published) });
    });

  p.command('watch')
    .description('Poll RSS, Atom or JSON feeds; fetch, analyse and store each new item (robots.txt and rate limits respected)')
    .argument('<feeds...>', 'feed URLs')
    .option('--db <path>', 'the store', DEFAULT_DB)
    .option('--interval <seconds>', 'seconds between polls', '300')
    .option('--once', 'poll each feed once and exit')
    .option('--allow-private', 'also fetch loopback and private-network addresses (refused by default)')
    .option('--delay <seconds>', 'at least this long between requests to one host', '1')
    .action(async (feeds: string[], o: { db: string; interval: string; once?: boolean; allowPrivate?: boolean; delay: string }) => {
      exitCode = await cmdWatch(feeds, o);
    });

  p.command('search')
    .description('Full-text search over stored articles')
    .argument('<query...>', 'words; "quoted phrases" allowed')
    .option('--db <path>', 'the store', DEFAULT_DB)
    .addOption(new Option('--limit <n>', 'results to show').default('10').argParser(positiveInt('--limit')))
    .option('--json', 'print hits as JSON lines')
    .action(async (query: string[], o: { db: string; limit: number | string; json?: boolean }) => {
      exitCode = await cmdSearch(query.join(' '), { db: o.db, limit: Number(o.limit), json: !!o.json });
    });

  p.command('show')
    .description('Show a stored article by id (or a unique id prefix)')
    .argument('<id>', 'article id or prefix (6+ characters)')
    .option('--db <path>', 'the store', DEFAULT_DB)
    .option('--json', 'print the whole stored analysis as JSON')
    .action(async (id: string, o: { db: string; json?: boolean }) => {
      exitCode = await cmdShow(id, { db: o.db, json: !!o.json });
    });

  p.command('export')
    .description('Export stored events as GDELT 2.0 event rows, GKG 2.1 article rows, JSON lines or CSV, to standard output')
    .requiredOption('--format <format>', 'gdelt, gkg, jsonl or csv')
    .option('--actor <code>', 'only events whose source or target CAMEO actor code starts with this (USA matches USAGOV)')
    .option('--code <code>', 'only events whose CAMEO event code starts with this (19: fight)')
    .option('--from <date>', 'only events on or after this day, YYYY-MM-DD (the event date, else the published date)')
    .option('--to <date>', 'only events on or before this day, YYYY-MM-DD')
    .option('--header', 'start gdelt and gkg output with a header line (csv always has one)')
    .option('--db <path>', 'the store', DEFAULT_DB)
    .action(async (o: { format: string; actor?: string; code?: string; from?: string; to?: string; header?: boolean; db: string }) => {
      exitCode = await cmdExport(o);
    });

  p.command('dyad')
    .description('Events between two actors over time: counts by CAMEO quad class and mean Goldstein score')
    .argument('<a>', 'actor A: a CAMEO actor code or prefix (USA, USAGOV)')
    .argument('<b>', 'actor B')
    .option('--by <period>', 'day, week (ISO) or month', 'week')
    .option('--one-way', 'count only events from A to B (default: both directions)')
    .option('--json', 'print one JSON object per period')
    .option('--db <path>', 'the store', DEFAULT_DB)
    .action(async (a: string, b: string, o: { by: string; oneWay?: boolean; json?: boolean; db: string }) => {
      exitCode = await cmdDyad(a, b, o);
    });

  p.command('demo')
    .description('Ingest the bundled demo corpus (fictional articles) into the store, show what was learned, then serve the web UI')
    .option('--db <path>', 'the store', DEFAULT_DB)
    .option('--no-serve', 'only ingest and list; do not start the server')
    .option('--port <port>', 'the port to serve on', '8080')
    .option('--host <host>', 'the address to serve on', '127.0.0.1')
    .action(async (o: { db: string; serve: boolean; port: string; host: string }) => {
      // The demo's fictional states, officials and organizations, in our knowledge formats.
      useKnowledgeDir(fileURLToPath(new URL('../../demo/knowledge/', import.meta.url)));
      exitCode = await cmdDemo({ db: o.db, serve: o.serve, port: o.port, host: o.host });
    });

  p.command('serve')
    .description('Serve the HTTP API (docs/api.md) and the web UI over a store')
    .option('--db <path>', 'the store', DEFAULT_DB)
    .option('--port <port>', 'the port', '8080')
    .option('--host <host>', 'the address to listen on', '127.0.0.1')
    .option('--processes <n>', 'server processes sharing the port, or auto for one per core (answers the most requests)', '1')
    .action(async (o: { db: string; port: string; host: string; processes: string }) => {
      exitCode = await cmdServe(o);
    });

  addWorkCommands(p, (code) => {
    exitCode = code;
  });

  return p;
}

let exitCode = 0;

function formatOpt(f: string | undefined): 'text' | 'html' | null {
  if (f == null) return null;
  if (f !== 'text' && f !== 'html') throw new NewsgraphError(`--format must be text or html, found '${f}'`);
  return f;
}

function positiveInt(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new NewsgraphError(`${name} must be a positive integer, found '${v}'`);
    return n;
  };
}

async function readAny(file: string, o: { url: string | null; published?: string | null; format?: 'text' | 'html' | null }) {
  const opts = { url: o.url, published: o.published ?? null, format: o.format ?? null };
  return file === '-' ? readStdin(opts) : readInputFile(file, opts);
}

/** The problem part of an input error, without the 'newsgraph: FILE: ' prefix. */
function problemOf(e: NewsgraphError, file: string): string {
  const m = e.message.replace(/^newsgraph:\s*/, '');
  return m.startsWith(`${file}: `) ? m.slice(file.length + 2) : m;
}

function summary(doc: import('../model.js').Doc): string {
  const a = doc.article;
  const lines = [
    `title:      ${a.title ?? '(none)'}`,
    a.dek ? `dek:        ${a.dek}` : null,
    `bylines:    ${a.bylines.join(', ') || '(none)'}`,
    `published:  ${a.published ?? '(unknown)'}`,
    `datelines:  ${a.datelines.join(' / ') || '(none)'}`,
    ...a.media.map((m) => `media:      ${m.caption ?? ''}${m.credit ? ` [credit: ${m.credit}]` : ''}`),
    `paragraphs: ${a.paragraphs.length}`,
    `removed:    ${a.removed.map((r) => JSON.stringify(r)).join(', ') || '(nothing)'}`,
    `entities:   ${doc.entities.length}  quotes: ${doc.quotes.length}  events: ${doc.events.length}  dates: ${doc.dates.length}`,
    ...doc.messages.map((m) => `${m.severity}: ${m.source}: ${m.message}`),
    '(use --json for the whole analysis)',
  ];
  return lines.filter((l) => l != null).join('\n') + '\n';
}

/** Runs the CLI; returns the exit code. Only unexpected (programmer) errors escape with a stack. */
export async function run(argv: string[]): Promise<number> {
  exitCode = 0;
  try {
    await program().parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof NewsgraphError) {
      process.stderr.write(`${errorMessage(e)}\n`);
      return 2;
    }
    throw e;
  }
}
