import * as assert from 'assert';
import * as zlib from 'zlib';
import * as fs from 'fs';
import * as path from 'path';
import { createGitExecutor } from '../../src/core/git/gitExecutor';
import { readRecordHistory } from '../../src/core/site/recordHistory';
import { SITE_CSS } from '../../src/core/site/siteAssets';
import { buildSite, SiteBuild } from '../../src/core/site/siteBuilder';
import { checkOutputFolder, SITE_MANIFEST, SiteOutputError, writeSite } from '../../src/core/site/siteWriter';
import { NodeFileSystem } from '../../src/core/store/nodeFileSystem';
import { buildRepo, commitAt, initRepo, makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { influenceActivity, madr4Adr, menteeProfile, nygardAdr, sessionNote } from '../fixtures/recordText';
import { runCli } from './cliInProcess';
import { indexOf } from './helpers';

const text = (b: SiteBuild, p: string): string => {
  const f = b.files.find((x) => x.path === p);
  if (!f) throw new Error(`no ${p}; have ${b.files.map((x) => x.path).join(', ')}`);
  return typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8');
};
const allText = (b: SiteBuild): string =>
  b.files.map((f) => (typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('latin1'))).join('\n');

const LINKING = `# 1. Record decisions

Date: 2026-01-05

## Status

Accepted

## Context

See [Kafka's context](0002-use-kafka.md#context), [the schema](../../schema/orders.sql),
[a web page](https://example.org/x), [a folder note](README.md), [career](../../docs/mentoring/alice/2026-02-01-career.md),
[secrets](../../.env), [outside](../../../etc/passwd) and [absolute](/schema/orders.sql).

![Diagram](../../img/arch.png) ![Remote](https://example.org/x.png) ![Missing](../../img/missing.png)
`;

describe('site builder', () => {
  it('rewrites links between records to pages, copies linked repository files and images, and publishes nothing else', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-record-decisions.md': LINKING,
      'doc/adr/0002-use-kafka.md': nygardAdr({ number: 2, title: 'Use Kafka' }),
      'doc/adr/README.md': '# About these records\n',
      'schema/orders.sql': 'create table orders();\n',
      'img/arch.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
      '.env': 'TOKEN=hunter2\n',
      'docs/mentoring/alice/2026-02-01-career.md': sessionNote({ date: '2026-02-01', kind: 'career', with: ['alice'], title: 'Career talk about promotion' }),
    });
    const site = await buildSite(index, new NodeFileSystem());
    const page = text(site, 'doc/adr/0001-record-decisions.html');
    assert.match(page, /<a href="0002-use-kafka\.html#context">Kafka's context<\/a>/);
    assert.match(page, /<a href="\.\.\/\.\.\/schema\/orders\.sql">the schema<\/a>/);
    assert.match(page, /<a href="\.\.\/\.\.\/schema\/orders\.sql">absolute<\/a>/);
    assert.match(page, /<a href="https:\/\/example\.org\/x" rel="noopener noreferrer">a web page<\/a>/);
    assert.match(page, /<img src="\.\.\/\.\.\/img\/arch\.png" alt="Diagram">/);
    // No remote resources: the web image is a link to it; nothing points outside or at private notes.
    assert.match(page, /<a href="https:\/\/example\.org\/x\.png" rel="noopener noreferrer" class="remote-image">Image: Remote<\/a>/);
    assert.doesNotMatch(page, /<img[^>]+https?:/);
    // A missing image is its alt text, with no `src` pointing at a file the site does not have.
    assert.match(page, /<span class="unpublished" title="not found">Image: Missing<\/span>/);
    assert.doesNotMatch(page, /missing\.png/);
    for (const words of ['a folder note', 'career', 'secrets', 'outside'])
      assert.match(page, new RegExp(`<span class="unpublished" title="[^"]+">${words}</span>`));
    const paths = site.files.map((f) => f.path);
    assert.ok(paths.includes('schema/orders.sql') && paths.includes('img/arch.png'));
    assert.deepStrictEqual(
      paths.filter((p) => /env|mentoring|README|passwd|missing/.test(p)),
      [],
    );
    assert.deepStrictEqual(
      site.warnings.map((w) => w.split(':')[0]),
      ['img/missing.png'],
    );
    assert.doesNotMatch(allText(site), /hunter2|promotion/);
  });

  it("links a record's `.html` name (as the team's published site named it) to that record's page; an unknown `.html` stays unpublished", async () => {
    const { index } = await indexOf({
      '.adr-dir': 'architecture-decision-record\n',
      'architecture-decision-record/012-One-cluster-for-dev-staging-prod.md': nygardAdr({ number: 12, title: 'One cluster for dev/staging/prod' }),
      'architecture-decision-record/021-Multi-cluster.md': nygardAdr({ number: 21, title: 'Multi-cluster' }).replace(
        '## Context\n',
        '## Context\n\nApps run on [one Kubernetes cluster](012-One-cluster-for-dev-staging-prod.html#decision), not [a page](old-page.html).\n',
      ),
    });
    const site = await buildSite(index, new NodeFileSystem());
    const page = text(site, 'architecture-decision-record/021-Multi-cluster.html');
    assert.match(page, /<a href="012-One-cluster-for-dev-staging-prod\.html#decision">one Kubernetes cluster<\/a>/);
    assert.match(page, /<span class="unpublished" title="[^"]+">a page<\/span>/);
  });

  it('shows links both ways, with the target status, and marks a supersede link to the successor', async () => {
    const { index } = await indexOf({
      'doc/adr/0002-use-kafka.md': nygardAdr({ number: 2, title: 'Use Kafka', status: '', statusLines: ['Superseded by [3. Use NATS](0003-use-nats.md)'] }),
      'doc/adr/0003-use-nats.md': nygardAdr({ number: 3, title: 'Use NATS', statusLines: ['Amends [2. Use Kafka](0002-use-kafka.md)'] }),
      'docs/design/events.md': '---\ntitle: Events platform\nstatus: approved\ndecisions: [../../doc/adr/0003-use-nats.md]\n---\n# Events platform\n',
    });
    const site = await buildSite(index, new NodeFileSystem());
    const kafka = text(site, 'doc/adr/0002-use-kafka.html');
    assert.match(kafka, /<li>Superseded by <a href="0003-use-nats\.html">0003 Use NATS<\/a> <span class="status status-accepted">accepted<\/span><\/li>/);
    assert.match(kafka, /<li>Amended by <a href="0003-use-nats\.html">0003 Use NATS<\/a>/);
    const nats = text(site, 'doc/adr/0003-use-nats.html');
    assert.match(nats, /<li>Amends <a href="0002-use-kafka\.html">0002 Use Kafka<\/a>/);
    assert.match(nats, /<li>Supersedes <a href="0002-use-kafka\.html">0002 Use Kafka<\/a>/);
    assert.match(nats, /<li>Design doc <a href="\.\.\/\.\.\/docs\/design\/events\.html">Events platform<\/a>/);
  });

  it('shows the records a design doc links to in its text, both ways, once each', async () => {
    const { index } = await indexOf({
      'doc/adr/0002-use-kafka.md': nygardAdr({ number: 2, title: 'Use Kafka' }),
      'doc/adr/0003-use-nats.md': nygardAdr({ number: 3, title: 'Use NATS' }),
      'docs/design/events.md':
        '---\ntitle: Events platform\nstatus: approved\ndecisions: [../../doc/adr/0003-use-nats.md]\n---\n# Events platform\n\nBuilt on [NATS](../../doc/adr/0003-use-nats.md), not [Kafka](../../doc/adr/0002-use-kafka.md); see [the README](../../README.md).\n\n```\n[in code](../../doc/adr/0002-use-kafka.md)\n```\n',
      'README.md': '# Events\n',
    });
    const site = await buildSite(index, new NodeFileSystem());
    const design = text(site, 'docs/design/events.html');
    const items = (design.match(/<nav class="record-links"[\s\S]*?<\/nav>/)?.[0] ?? '').match(/<li>[\s\S]*?<\/li>/g) ?? [];
    assert.deepStrictEqual(
      items.map((li) => li.replace(/<[^>]+>/g, '').trim()),
      ['Decision 0003 Use NATS accepted', 'References 0002 Use Kafka accepted'],
    );
    assert.match(text(site, 'doc/adr/0002-use-kafka.html'), /<li>Referenced by <a href="\.\.\/\.\.\/docs\/design\/events\.html">Events platform<\/a>/);
    assert.doesNotMatch(text(site, 'doc/adr/0003-use-nats.html'), /Referenced by/);
  });

  it('escapes hostile titles, tags and bodies everywhere, including the search data', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { index } = await indexOf({
      'doc/adr/0001-x.md': `---\ntitle: "${hostile}</script>"\nstatus: "accepted\\"><script>alert(2)</script>"\ntags: ["\\"><b>x</b>"]\ndecision-makers: ["<i>Mallory</i>"]\n---\n# Title\n\n<script>alert(3)</script>\n\n[click](javascript:alert(4)) [data](data:text/html,<b>x</b>)\n\n<div onclick="alert(5)">raw</div>\n\n\`</script><script>alert(6)</script>\`\n`,
    });
    const site = await buildSite(index, new NodeFileSystem());
    for (const p of ['doc/adr/0001-x.html', 'index.html']) {
      const html = text(site, p);
      const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
      // Only the site's own scripts and the JSON data block.
      assert.ok(
        scriptTags.every((t) => /^<script src="[^"]+" defer>$|^<script type="application\/json" id="search-data">$/.test(t)),
        `${p}: ${scriptTags.join(' ')}`,
      );
      assert.doesNotMatch(html, /<img src=x|<i>Mallory|<b>x<\/b>|<div onclick|href="javascript:|href="data:/);
      assert.doesNotMatch(html, /alert\(\d\)<\/script>/);
    }
    const data = /<script type="application\/json" id="search-data">([\s\S]*?)<\/script>/.exec(text(site, 'index.html'))![1];
    const entries = JSON.parse(data) as { title: string; text?: string }[];
    assert.strictEqual(entries[0].title, `${hostile}</script>`);
    // The texts are not in the page: they load from a script of the site's own when a search asks for them.
    assert.strictEqual(entries[0].text, undefined);
    const texts = text(site, 'assets/search-text.js');
    assert.doesNotMatch(texts, /[<>&\u2028\u2029]/);
    const loaded = /^window\.lodestarSearchTexts = (.*);\n$/s.exec(texts);
    assert.ok(loaded, texts.slice(0, 80));
    const [bodyText] = JSON.parse(loaded[1]) as string[];
    assert.match(bodyText, /<script>alert\(3\)<\/script>/);
    // search-index.json holds every entry whole: the page's entries with their texts.
    const whole = (JSON.parse(text(site, 'search-index.json')) as { records: { title: string; text: string }[] }).records;
    assert.deepStrictEqual(whole, [{ ...entries[0], text: bodyText }]);
  });

  it('never publishes private records, mentoring notes, people or influence activities', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-public.md': madr4Adr({ title: 'Public choice', status: 'accepted' }),
      'doc/adr/0002-private.md': madr4Adr({ title: 'Private choice', status: 'proposed', extraFrontMatter: 'visibility: private\n' }),
      'docs/design/private.md': '---\ntitle: Secret design\nstatus: draft\nvisibility: private\n---\nSecret design body\n',
      'docs/mentoring/alice.md': menteeProfile({ name: 'Alice Example', handle: 'alice', goals: ['Become staff engineer'] }),
      'docs/mentoring/alice/2026-02-01-feedback.md': sessionNote({ date: '2026-02-01', kind: 'feedback', with: ['alice'], title: 'Hard feedback' }),
      'docs/influence/2026/2026-02-02-alignment.md': influenceActivity({
        date: '2026-02-02',
        type: 'alignment-goals',
        title: 'Quarterly goals workshop',
        people: ['alice'],
      }),
    });
    const site = await buildSite(index, new NodeFileSystem());
    assert.deepStrictEqual(
      site.files.map((f) => f.path).filter((p) => p.endsWith('.html')),
      ['doc/adr/0001-public.html', 'index.html'],
    );
    assert.doesNotMatch(allText(site), /Private choice|Secret design|Alice Example|staff engineer|Hard feedback|Quarterly goals/);
    assert.deepStrictEqual(
      (JSON.parse(text(site, 'search-index.json')) as { records: { path: string }[] }).records.map((r) => r.path),
      ['doc/adr/0001-public.md'],
    );
  });

  it('gives the same bytes for the same input, and writes only what changed', async () => {
    const files = {
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'Alpha' }),
      'doc/adr/0002-b.md': madr4Adr({ title: 'Beta', status: 'proposed', extraFrontMatter: 'tags: [x, y]\n' }),
      'docs/design/c.md': '---\ntitle: Gamma\nstatus: draft\n---\n```mermaid\ngraph TD; A-->B;\n```\n',
    };
    const one = await indexOf(files);
    const two = await indexOf(files);
    const a = await buildSite(one.index, new NodeFileSystem());
    const b = await buildSite(two.index, new NodeFileSystem());
    assert.deepStrictEqual(
      a.files.map((f) => [f.path, f.content]),
      b.files.map((f) => [f.path, f.content]),
    );
    const out = path.join(makeTempDir(), 'site');
    assert.strictEqual((await writeSite(out, a.files)).written, a.files.length);
    assert.strictEqual((await writeSite(out, b.files)).written, 0);
    assert.strictEqual(fs.readFileSync(path.join(out, 'index.html'), 'utf8'), text(a, 'index.html'));
    // A record that is gone takes its page with it; files that are not the site's stay.
    fs.writeFileSync(path.join(out, 'CNAME'), 'decisions.example.org\n');
    const fewer = a.files.filter((f) => f.path !== 'doc/adr/0001-a.html');
    assert.strictEqual((await writeSite(out, fewer)).removed, 1);
    assert.ok(!fs.existsSync(path.join(out, 'doc/adr/0001-a.html')) && fs.existsSync(path.join(out, 'CNAME')));
  });

  it('draws diagrams with the bundled mermaid when given, else leaves readable code and loads no script', async () => {
    const { index } = await indexOf({ 'docs/design/c.md': '---\ntitle: Gamma\nstatus: draft\n---\n```mermaid\ngraph TD; A-->B;\n```\n' });
    const without = text(await buildSite(index, new NodeFileSystem()), 'docs/design/c.html');
    assert.match(without, /<pre class="mermaid"[^>]*>graph TD; A--&gt;B;\n<\/pre>/);
    assert.doesNotMatch(without, /<script/);
    assert.match(without, /<p class="diagram-note">Diagrams are shown as their Mermaid source/);
    const withScript = await buildSite(index, new NodeFileSystem(), { mermaidScript: Buffer.from('/* mermaid */') });
    assert.match(text(withScript, 'docs/design/c.html'), /<script src="\.\.\/\.\.\/assets\/mermaid\.min\.js" defer>/);
    assert.strictEqual(text(withScript, 'assets/mermaid.min.js'), '/* mermaid */');
    assert.doesNotMatch(text(withScript, 'docs/design/c.html'), /diagram-note/);
    // A site without diagrams does not carry mermaid at all.
    const { index: plain } = await indexOf({ 'docs/design/d.md': '---\ntitle: Delta\nstatus: draft\n---\nNo diagrams here.\n' });
    const noDiagrams = await buildSite(plain, new NodeFileSystem(), { mermaidScript: Buffer.from('/* mermaid */') });
    assert.deepStrictEqual(
      noDiagrams.paths.filter((p) => p.startsWith('assets/')),
      ['assets/search-text.js', 'assets/site.css', 'assets/site.js'],
    );
  });

  it('copies plain SVG images but never an SVG that could run script on the site', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': '# 1. A\n\n![Plain](flow.svg) ![Hostile](evil.svg) [also hostile](onload.svg) ![Packed](packed.svgz)\n',
      'doc/adr/flow.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>',
      // Gzipped, its script cannot be seen in its bytes.
      'doc/adr/packed.svgz': zlib.gzipSync('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(7)</script></svg>'),
      'doc/adr/evil.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
      'doc/adr/onload.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
    });
    const site = await buildSite(index, new NodeFileSystem());
    const paths = site.files.map((f) => f.path);
    assert.ok(paths.includes('doc/adr/flow.svg'));
    assert.ok(!paths.includes('doc/adr/evil.svg') && !paths.includes('doc/adr/onload.svg') && !paths.includes('doc/adr/packed.svgz'), paths.join(', '));
    assert.deepStrictEqual(site.warnings.filter((w) => /SVG/.test(w)).length, 3);
    assert.ok(
      site.warnings.some((w) => w.startsWith('doc/adr/packed.svgz: a compressed SVG (.svgz)')),
      site.warnings.join('\n'),
    );
    assert.doesNotMatch(allText(site), /alert\(/);
    // The page points at no file the site lacks: the hostile image is its alt text, the link its words.
    const page = text(site, 'doc/adr/0001-a.html');
    assert.match(page, /<img src="flow\.svg" alt="Plain">/);
    assert.match(page, /<span class="unpublished" title="not published">Image: Hostile<\/span>/);
    assert.match(page, /<span class="unpublished" title="not published">also hostile<\/span>/);
    assert.doesNotMatch(page, /evil\.svg|onload\.svg|packed\.svgz/);
    assert.ok(
      site.warnings.includes('doc/adr/evil.svg: an SVG with scripts, event handlers or embedded HTML; not copied, so its links show their words only'),
      site.warnings.join('\n'),
    );
  });

  it('site build shows a link or image to a file it does not copy (missing, hostile) as words, and no image of it', async () => {
    const root = buildRepo({
      'doc/adr/0001-a.md': '# 1. A\n\n![Hostile](evil.svg) ![Gone](gone.png) [the hostile one](evil.svg) ![Plain](flow.svg)\n',
      'doc/adr/flow.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>',
      'doc/adr/evil.svg': '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
    });
    const out = path.join(makeTempDir(), 'site');
    const r = await runCli(['site', 'build', '--out', out, '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    const page = fs.readFileSync(path.join(out, 'doc/adr/0001-a.html'), 'utf8');
    assert.strictEqual(page.match(/<img [^>]*>/g)?.join(' '), '<img src="flow.svg" alt="Plain">', 'the only image is the one the site has');
    assert.match(
      page,
      /<span class="unpublished" title="not published">Image: Hostile<\/span> <span class="unpublished" title="not found">Image: Gone<\/span>/,
    );
    assert.match(page, /<span class="unpublished" title="not published">the hostile one<\/span>/);
    assert.ok(!fs.existsSync(path.join(out, 'doc/adr/evil.svg')) && fs.existsSync(path.join(out, 'doc/adr/flow.svg')));
  });

  it('is readable without JavaScript: every record is in the HTML and the filters stay hidden until the script shows them', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'Alpha' }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'Beta', status: 'Proposed' }),
    });
    const page = text(await buildSite(index, new NodeFileSystem()), 'index.html');
    assert.match(page, /<form id="filters"[^>]*\shidden>/);
    assert.match(page, /<a href="doc\/adr\/0001-a\.html"><span class="num">0001<\/span> <span class="title">Alpha<\/span><\/a>/);
    assert.match(page, /<a href="doc\/adr\/0002-b\.html"><span class="num">0002<\/span> <span class="title">Beta<\/span><\/a>/);
    // `.filters { display: flex }` must not undo `hidden`.
    assert.match(SITE_CSS, /^\[hidden\] \{ display: none !important; \}$/m);
  });

  it('refuses an output folder that is the repository or holds other files', () => {
    const root = makeTempDir();
    assert.throws(() => checkOutputFolder(root, root), SiteOutputError);
    assert.throws(() => checkOutputFolder(path.dirname(root), root), SiteOutputError);
    const foreign = path.join(root, 'docs-out');
    writeFiles(foreign, { 'notes.txt': 'mine' });
    assert.throws(() => checkOutputFolder(foreign, root), /not empty/);
    writeFiles(foreign, { [SITE_MANIFEST]: '' });
    checkOutputFolder(foreign, root);
    checkOutputFolder(path.join(root, '_site'), root);
  });

  it('dates and credits each record from one pass over git history', async () => {
    const root = makeTempDir();
    initRepo(root);
    writeFiles(root, { 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'Alpha' }), 'src/app.ts': 'x' });
    commitAt(root, 'Add alpha', '2026-01-10T09:00:00Z', 'Dana Lead <dana@example.com>');
    writeFiles(root, {
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'Alpha', status: 'Deprecated' }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'Beta' }),
    });
    commitAt(root, 'Deprecate alpha', '2026-03-02T09:00:00Z', 'Sam Staff <sam@example.com>');
    const history = await readRecordHistory(createGitExecutor(root), ['doc/adr']);
    assert.deepStrictEqual(history.byPath.get('doc/adr/0001-a.md'), { created: '2026-01-10', lastEdited: '2026-03-02', authors: ['Dana Lead', 'Sam Staff'] });
    assert.deepStrictEqual(history.byPath.get('doc/adr/0002-b.md'), { created: '2026-03-02', lastEdited: '2026-03-02', authors: ['Sam Staff'] });
    assert.strictEqual(history.byPath.has('src/app.ts'), false);
    const noGit = await readRecordHistory(createGitExecutor(makeTempDir()), ['doc/adr']);
    assert.strictEqual(noGit.byPath.size, 0);
    assert.ok(noGit.unavailable);

    const result = await runCli(['site', 'build', '--root', root, '--no-mermaid', '--base-url', 'https://example.org/decisions']);
    assert.strictEqual(result.code, 0, result.stderr);
    // The default _site/ is in the repository: a `git add -A` would commit it, so the build says how to keep it out.
    assert.match(result.stderr, /^lodestar site: note: _site\/ is in the repository and git does not ignore it; add `_site\/` to \.gitignore/m);
    const page = fs.readFileSync(path.join(root, '_site/doc/adr/0001-a.html'), 'utf8');
    assert.match(page, /<dt>Created<\/dt><dd><time datetime="2026-01-10">2026-01-10<\/time><\/dd>/);
    assert.match(page, /<dt>Last edited<\/dt><dd><time datetime="2026-03-02">2026-03-02<\/time><\/dd>/);
    assert.match(page, /<dt>Authors<\/dt><dd>Dana Lead, Sam Staff<\/dd>/);
    assert.match(page, /<link rel="canonical" href="https:\/\/example\.org\/decisions\/doc\/adr\/0001-a\.html">/);
    fs.writeFileSync(path.join(root, '.gitignore'), '_site/\n');
    const ignored = await runCli(['site', 'build', '--root', root, '--no-mermaid']);
    assert.strictEqual(ignored.stderr, '');
    fs.rmSync(path.join(root, '.gitignore'));
    const bad = await runCli(['site', 'build', '--root', root, '--base-url', 'javascript:alert(1)']);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--base-url must be an http or https URL/);
  });

  it('an output folder that cannot be written is exit 2 naming the folder, not a bare system error', async function () {
    // A folder no user may create anything in, root included: Linux's /sys.
    if (process.platform !== 'linux') this.skip();
    const root = buildRepo({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }) });
    const r = await runCli(['site', 'build', '--root', root, '--no-mermaid', '--out', '/sys/lodestar-site']);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /^lodestar site: cannot write the site to \/sys\/lodestar-site \(permission denied: .*\); the repository is untouched\n$/);
    assert.ok(!fs.existsSync(path.join(root, '_site')));
  });
});
