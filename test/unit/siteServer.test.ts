import * as assert from 'assert';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { buildSite } from '../../src/core/site/siteBuilder';
import { serveSiteFolder, SiteServer } from '../../src/core/site/siteServer';
import { writeSite } from '../../src/core/site/siteWriter';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { makeTempDir } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';
import { indexOf } from './helpers';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function get(url: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The policy in a page's `<meta http-equiv="Content-Security-Policy">`. */
function metaPolicy(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'the page has a CSP meta tag');
  return m[1];
}

const directives = (policy: string): string[] => policy.split(';').map((d) => d.trim());

describe('site serve', () => {
  let server: SiteServer | undefined;
  let out: string;

  before(async () => {
    const diagram = nygardAdr({ number: 2, title: 'Draw the flow' }).replace('## Context\n', '## Context\n\n```mermaid\ngraph TD; A-->B\n```\n');
    const { index } = await indexOf({
      'doc/adr/0001-plain.md': nygardAdr({ number: 1, title: 'Plain words' }),
      'doc/adr/0002-diagram.md': diagram,
      'doc/adr/flow.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>',
      'doc/adr/0003-image.md': nygardAdr({ number: 3, title: 'Show the picture' }).replace('## Context\n', '## Context\n\n![Flow](flow.svg)\n'),
    });
    const site = await buildSite(index, new NodeFileSystem(), { mermaidScript: Buffer.from('/* mermaid */') });
    out = path.join(makeTempDir(), 'site');
    await writeSite(out, site.files);
    server = await serveSiteFolder(out, 0);
  });

  after(async () => {
    await server?.close();
  });

  it("serves each page with its own meta tag's policy: inline styles only where the page has a diagram", async () => {
    const plain = await get(`${server!.url}doc/adr/0001-plain.html`);
    const drawn = await get(`${server!.url}doc/adr/0002-diagram.html`);
    assert.strictEqual(plain.status, 200);
    assert.strictEqual(drawn.status, 200);
    const plainMeta = metaPolicy(plain.body);
    const drawnMeta = metaPolicy(drawn.body);
    assert.notStrictEqual(plainMeta, drawnMeta, 'the diagram page has a policy of its own');
    assert.ok(!plainMeta.includes('unsafe-inline') && drawnMeta.includes("'unsafe-inline'"));
    // The header is the page's policy, plus the framing rule only a header can carry.
    assert.strictEqual(plain.headers['content-security-policy'], `${plainMeta}; frame-ancestors 'self'`);
    assert.strictEqual(drawn.headers['content-security-policy'], `${drawnMeta}; frame-ancestors 'self'`);
    assert.ok(!directives(String(plain.headers['content-security-policy'])).some((d) => d.includes('unsafe-inline')));
    // HEAD answers the same header, and the index page (no diagram) is strict too.
    assert.strictEqual(
      (await get(`${server!.url}doc/adr/0002-diagram.html`, 'HEAD')).headers['content-security-policy'],
      drawn.headers['content-security-policy'],
    );
    const index = await get(server!.url);
    assert.strictEqual(index.headers['content-security-policy'], `${metaPolicy(index.body)}; frame-ancestors 'self'`);
    assert.ok(!String(index.headers['content-security-policy']).includes('unsafe-inline'));
  });

  it('serves files that are not pages, and errors, with the strict policy', async () => {
    const strict = (await get(`${server!.url}doc/adr/0001-plain.html`)).headers['content-security-policy'];
    const svg = await get(`${server!.url}doc/adr/flow.svg`);
    assert.strictEqual(svg.status, 200);
    assert.strictEqual(svg.headers['content-type'], 'image/svg+xml');
    assert.strictEqual(svg.headers['content-security-policy'], strict);
    assert.strictEqual((await get(`${server!.url}assets/site.css`)).headers['content-security-policy'], strict);
    assert.strictEqual((await get(`${server!.url}no-such-page.html`)).status, 404);
    assert.strictEqual((await get(`${server!.url}no-such-page.html`)).headers['content-security-policy'], strict);
  });

  it("does not take a policy a page's meta tag asks for that the site builder never writes", async () => {
    const strict = (await get(`${server!.url}doc/adr/0001-plain.html`)).headers['content-security-policy'];
    fs.writeFileSync(
      path.join(out, 'loose.html'),
      `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src *; script-src * 'unsafe-inline'"><p>x</p>`,
    );
    const loose = await get(`${server!.url}loose.html`);
    assert.strictEqual(loose.status, 200);
    assert.strictEqual(loose.headers['content-security-policy'], strict);
  });
});
