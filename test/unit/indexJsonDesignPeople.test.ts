import * as assert from 'assert';
import { makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';
import { runCli } from './cliInProcess';

async function indexJson(files: Record<string, string>): Promise<string> {
  const root = makeTempDir();
  writeFiles(root, files);
  const previous = process.env.LODESTAR_NO_RECORD_CACHE;
  process.env.LODESTAR_NO_RECORD_CACHE = '1';
  try {
    const r = await runCli(['index', '--json', '--root', root]);
    assert.strictEqual(r.code, 0, r.stderr);
    return r.stdout;
  } finally {
    if (previous === undefined) delete process.env.LODESTAR_NO_RECORD_CACHE;
    else process.env.LODESTAR_NO_RECORD_CACHE = previous;
  }
}

describe('lodestar index --json: who decided a decision, who wrote, reviewed and approved a design doc', () => {
  it('a front matter link naming no record prints its text as written', async () => {
    const out = JSON.parse(
      await indexJson({
        'docs/decisions/0001-a.md': '---\nstatus: superseded\nsuperseded_by: "0017"\nrelated: [ADR-0002]\n---\n# A\n',
        'docs/decisions/0002-b.md': '---\nstatus: accepted\n---\n# B\n',
      }),
    ) as { records: { path: string; links: { kind: string; target: string }[] }[] };
    assert.deepStrictEqual(out.records[0].links, [
      { kind: 'superseded-by', target: '0017' },
      { kind: 'relates-to', target: 'docs/decisions/0002-b.md' },
    ]);
  });

  it('decisions carry their deciders (possibly empty), from MADR front matter or a Deciders field, as written', async () => {
    const out = JSON.parse(
      await indexJson({
        'docs/decisions/0001-a.md': '---\nstatus: accepted\ndecision-makers: [Ada Lovelace, grace]\nconsulted: [Linus]\n---\n# A\n',
        'docs/decisions/0002-b.md': '# B\n\n* Status: accepted\n* Deciders: Barbara, Edsger\n',
        'docs/decisions/0003-c.md': '# C\n\n## Status\n\nAccepted\n',
      }),
    ) as { records: { path: string; deciders?: string[] }[] };
    assert.deepStrictEqual(
      out.records.map((r) => [r.path, r.deciders]),
      [
        ['docs/decisions/0001-a.md', ['Ada Lovelace', 'grace']],
        ['docs/decisions/0002-b.md', ['Barbara', 'Edsger']],
        ['docs/decisions/0003-c.md', []],
      ],
    );
  });

  it('design docs carry authors, reviewers and approvers (possibly empty), from front matter, kep.yaml or the fields at the top', async () => {
    const out = JSON.parse(
      await indexJson({
        'docs/design/search.md': '---\ntitle: Search\nstatus: in-review\nauthors: [ada, grace]\nreviewers: [linus]\n---\n',
        'docs/design/queue.md': '# Queue\n\n* Author: Barbara\n* Approver: Edsger\n* Status: Approved\n',
        'docs/design/bare.md': '# Bare\n',
        'keps/sig-cli/1441-kubectl-debug/README.md': '# KEP-1441: kubectl debug\n',
        'keps/sig-cli/1441-kubectl-debug/kep.yaml': 'authors: ["@verb"]\nreviewers: ["@aylei"]\napprovers: ["@soltysh"]\nstatus: implementable\n',
      }),
    ) as { records: Record<string, unknown>[] };
    const people = Object.fromEntries(out.records.map((r) => [r.path, [r.authors, r.reviewers, r.approvers]]));
    assert.deepStrictEqual(people, {
      'docs/design/bare.md': [[], [], []],
      'docs/design/queue.md': [['Barbara'], [], ['Edsger']],
      'docs/design/search.md': [['ada', 'grace'], ['linus'], []],
      'keps/sig-cli/1441-kubectl-debug/README.md': [['@verb'], ['@aylei'], ['@soltysh']],
    });
    // The added keys come after the contract's and the tags.
    assert.deepStrictEqual(Object.keys(out.records[0]), [
      'kind',
      'path',
      'number',
      'title',
      'status',
      'date',
      'dialect',
      'links',
      'pullRequests',
      'private',
      'tags',
      'authors',
      'reviewers',
      'approvers',
    ]);
  });

  it('every other kind of record is printed byte for byte as before', async () => {
    const stdout = await indexJson({
      'doc/adr/0001-record-decisions.md': nygardAdr({ number: 1, title: 'Record decisions', date: '2026-01-05' }),
      'docs/mentoring/alice.md': '---\nname: Alice\nhandle: alice\n---\n',
      'docs/mentoring/alice/2026-02-01-pairing.md': '---\ndate: 2026-02-01\nkind: pairing\nwith: [alice]\n---\n# Pairing\n',
      'docs/influence/2026/2026-02-03-talk.md': '---\ndate: 2026-02-03\ntype: knowledge-sharing\ntitle: Talk\n---\n',
    });
    const expected =
      '{"records":[' +
      '{"kind":"decision","path":"doc/adr/0001-record-decisions.md","number":1,"title":"Record decisions","status":"accepted","date":"2026-01-05","dialect":"nygard","links":[],"pullRequests":[],"private":false,"tags":[],"deciders":[]},' +
      '{"kind":"person","path":"docs/mentoring/alice.md","number":null,"title":"Alice","status":null,"date":null,"dialect":"front-matter","links":[],"pullRequests":[],"private":false},' +
      '{"kind":"session","path":"docs/mentoring/alice/2026-02-01-pairing.md","number":null,"title":"Pairing","status":null,"date":"2026-02-01","dialect":"front-matter","links":[{"kind":"mentee","target":"alice"}],"pullRequests":[],"private":false},' +
      '{"kind":"activity","path":"docs/influence/2026/2026-02-03-talk.md","number":null,"title":"Talk","status":null,"date":"2026-02-03","dialect":"front-matter","links":[],"pullRequests":[],"private":false}' +
      '],"problems":[]}';
    // As JSON.stringify indents it, each key in its place.
    assert.strictEqual(stdout, `${JSON.stringify(JSON.parse(expected), null, 2)}\n`);
  });
});
