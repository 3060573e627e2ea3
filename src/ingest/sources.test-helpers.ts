// A local HTTP server for the fetch, robots, feed and source tests: 127.0.0.1, an ephemeral port, nothing else.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Hit {
  path: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  /** "http://127.0.0.1:PORT" */
  base: string;
  hits: Hit[];
  hitsOf(path: string): Hit[];
  route(path: string, h: Handler): void;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push({ path, headers: req.headers, at: Date.now() });
    const h = table.get(path) ?? table.get(path.split('?')[0]!);
    if (h) return h(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    hits,
    hitsOf: (p) => hits.filter((h) => h.path === p),
    route: (p, h) => void table.set(p, h),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export function html(title: string, paras: string[], extra = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${extra}</head><body><article><h1>${title}</h1>${paras
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
}

export const send =
  (body: string | Buffer, type = 'text/html; charset=utf-8', headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': type, ...headers }).end(body);
  };
