import * as nodeFs from 'fs';
import * as http from 'http';
import * as path from 'path';

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

/**
 * Serves a built site folder on 127.0.0.1 only. Paths are confined to the
 * folder; every answer carries the same strict CSP as the pages (copied SVGs
 * and other files included) and `nosniff`.
 */
export function serveSiteFolder(outDir: string, port: number): Promise<SiteServer> {
  const root = path.resolve(outDir);
  const server = http.createServer((req, res) => {
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void => {
      res.writeHead(status, {
        'Content-Type': type,
        'Content-Security-Policy':
          "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
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
      return send(200, nodeFs.readFileSync(real), TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
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
