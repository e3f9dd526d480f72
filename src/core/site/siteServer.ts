import * as nodeFs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { contentSecurityPolicy } from './sitePages';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface SiteServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Pages with diagrams allow inline styles (mermaid's); every other answer gets the strict policy. */
const MERMAID_POLICY = contentSecurityPolicy(true);
const STRICT_POLICY = contentSecurityPolicy(false);
/** A meta tag cannot say who may frame the page; the header does. */
const FRAMING = "; frame-ancestors 'self'";
const META_CSP = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;

/**
 * The policy an answer is served with: a page's own (its meta tag's), when
 * that is one the site builder writes; the strict one for everything else
 * (copied SVGs and other files, errors, a page with no or another policy).
 */
export function servedPolicy(file: string, bytes: Buffer | undefined): string {
  if (bytes && /\.html?$/i.test(file)) {
    // The meta tag is in the page's head, near the start.
    const meta = META_CSP.exec(bytes.toString('latin1', 0, Math.min(bytes.length, 4096)));
    if (meta?.[1] === MERMAID_POLICY) return MERMAID_POLICY + FRAMING;
  }
  return STRICT_POLICY + FRAMING;
}

/**
 * Serves a built site folder on 127.0.0.1 only. Paths are confined to the
 * folder; a page is served with its own CSP as a header (the one its meta tag
 * has, so a page without diagrams allows no inline style), everything else
 * with the strict one, and all with `nosniff`.
 */
export function serveSiteFolder(outDir: string, port: number): Promise<SiteServer> {
  const root = path.resolve(outDir);
  const server = http.createServer((req, res) => {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', file = ''): void => {
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy': servedPolicy(file, typeof body === 'string' ? undefined : body),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Only GET and HEAD.\n');
    let rel: string;
    try {
      rel = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return send(400, 'Bad path.\n');
    }
    if (rel.includes('\0')) return send(400, 'Bad path.\n');
    let file = path.resolve(root, `.${rel}`);
    if (file !== root && !file.startsWith(root + path.sep)) return send(403, 'Outside the site.\n');
    try {
      if (nodeFs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
      if (path.basename(file).startsWith('.')) return send(404, 'Not found.\n');
      const real = nodeFs.realpathSync(file);
      const realRoot = nodeFs.realpathSync(root);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return send(403, 'Outside the site.\n');
      const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      return send(200, nodeFs.readFileSync(real), type, type.startsWith('text/html') ? file : '');
    } catch {
      return send(404, 'Not found.\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        port: actual,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
