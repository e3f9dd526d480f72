import * as assert from 'assert';
import { parse } from 'yaml';
import {
  decisionFileName,
  folderDialect,
  planNewDecision,
  setDecisionStatus,
  supersedeText,
  validateDecisionTitle,
} from '../../src/core/decisions/newDecision';
import { setFrontMatterValue } from '../../src/core/records/frontMatterEdit';
import { madr2Adr, madr4Adr, nygardAdr } from '../fixtures/recordText';
import { indexOf } from './helpers';

describe('new decision records', () => {
  it('titles: empty, multi-line and absurdly long ones are refused with a reason; 300 characters are fine', () => {
    assert.match(validateDecisionTitle('   ') ?? '', /needs a title/);
    assert.match(validateDecisionTitle('a\nb') ?? '', /one line/);
    assert.strictEqual(validateDecisionTitle('x'.repeat(300)), undefined);
    assert.strictEqual(decisionFileName(12, 'x'.repeat(300)), `0012-${'x'.repeat(60)}.md`);
    assert.match(validateDecisionTitle('x'.repeat(1001)) ?? '', /1001 characters/);
    assert.strictEqual(validateDecisionTitle('Use PostgreSQL'), undefined);
  });

  it('file names never leave the folder and are never empty or reserved', () => {
    assert.strictEqual(decisionFileName(7, '../../etc/passwd'), '0007-etc-passwd.md');
    assert.strictEqual(decisionFileName(7, '/etc/x'), '0007-etc-x.md');
    assert.strictEqual(decisionFileName(7, 'a\\b'), '0007-a-b.md');
    assert.strictEqual(decisionFileName(7, '.hidden'), '0007-hidden.md');
    assert.strictEqual(decisionFileName(7, 'CON'), '0007-con-decision.md');
    assert.strictEqual(decisionFileName(7, '数据库 🚀'), '0007-decision.md');
    assert.strictEqual(decisionFileName(12, 'Use '.repeat(100)).length, '0012-'.length + 59 + '.md'.length);
  });

  it('a Nygard folder gets the adr-tools template; superseding updates both records in their dialect', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-use-mysql.md': nygardAdr({ number: 1, title: 'Use MySQL', date: '2026-01-01' }),
    });
    const old = index.records()[0];
    assert.strictEqual(folderDialect(index.records()), 'nygard');
    const plan = planNewDecision({
      folder: old.folder,
      number: 2,
      title: 'Use PostgreSQL',
      date: '2026-11-21',
      status: 'proposed',
      deciders: ['Dana', 'Sam'],
      supersedes: [old],
      dialect: 'nygard',
    });
    assert.ok(plan.create.path.endsWith('/doc/adr/0002-use-postgresql.md'));
    assert.match(
      plan.create.content,
      /^# 2\. Use PostgreSQL\n\nDate: 2026-11-21\n\nDeciders: Dana, Sam\n\n## Status\n\nProposed\n\nSupersedes \[1\. Use MySQL\]\(0001-use-mysql\.md\)\n\n## Context\n/,
    );
    assert.strictEqual(
      plan.create.content.split('\n')[plan.cursorLine - 1],
      'The issue motivating this decision, and any context that influences or constrains the decision.',
    );
    const oldText = nygardAdr({ number: 1, title: 'Use MySQL', date: '2026-01-01' });
    const updated = supersedeText(old, oldText, { number: 2, title: 'Use PostgreSQL', path: plan.create.path });
    assert.strictEqual(updated, oldText.replace('## Status\n\nAccepted\n\n', '## Status\n\nSuperseded by [2. Use PostgreSQL](0002-use-postgresql.md)\n\n'));
  });

  it('a MADR decision-maker whose name holds a comma stays one name in the flow list', () => {
    const plan = planNewDecision({
      folder: '/r/docs/decisions',
      number: 1,
      title: 'Use gRPC',
      date: '2026-11-21',
      status: 'proposed',
      deciders: ['Smith, Jo', 'Dana'],
      supersedes: [],
      dialect: 'madr',
    });
    assert.match(plan.create.content, /^decision-makers: \["Smith, Jo", Dana\]$/m);
    const data = parse(plan.create.content.split('---\n')[1]) as Record<string, unknown>;
    assert.deepStrictEqual(data['decision-makers'], ['Smith, Jo', 'Dana']);
  });

  it('a MADR folder gets front matter; a MADR record is superseded in its front matter, a MADR 2 one in its bullet', async () => {
    const madr4 = madr4Adr({ title: 'Use REST', status: 'accepted # agreed in review' });
    const madr2 = madr2Adr({ title: 'Use SOAP', status: 'accepted' });
    const { index } = await indexOf({ 'docs/decisions/0001-use-rest.md': madr4, 'docs/decisions/0002-use-soap.md': madr2 });
    const [rest, soap] = index.records().sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    const plan = planNewDecision({
      folder: rest.folder,
      number: 3,
      title: 'Use gRPC',
      date: '2026-11-21',
      status: 'accepted',
      deciders: ['Dana'],
      supersedes: [rest],
      dialect: folderDialect([rest, rest, soap]),
    });
    assert.match(plan.create.content, /^---\nstatus: accepted\ndate: 2026-11-21\ndecision-makers: \[Dana\]\n---\n\n# Use gRPC\n/);
    const successor = { number: 3, title: 'Use gRPC', path: plan.create.path };
    assert.strictEqual(
      supersedeText(rest, madr4, successor),
      madr4.replace('status: accepted # agreed in review', 'status: "superseded by [ADR-0003](0003-use-grpc.md)" # agreed in review'),
    );
    assert.strictEqual(supersedeText(soap, madr2, successor), madr2.replace('* Status: accepted', '* Status: superseded by [ADR-0003](0003-use-grpc.md)'));
  });

  it('front-matter edits keep every other byte: CRLF, comments, key order, scalar types', () => {
    const text = '---\r\n# owner: platform\r\nstatus: proposed\r\nenabled: no\r\nversion: 012\r\n---\r\nBody\r\n';
    assert.strictEqual(setFrontMatterValue(text, 'status', 'accepted'), text.replace('status: proposed', 'status: accepted'));
    assert.strictEqual(setFrontMatterValue('---\ndate: 2026-01-01\n---\n', 'status', 'accepted'), '---\ndate: 2026-01-01\nstatus: accepted\n---\n');
    assert.strictEqual(setFrontMatterValue('# No front matter\n', 'status', 'accepted'), '# No front matter\n');
  });
});

describe('changing a decision status', () => {
  it('edits only the status, in each dialect, keeping every other byte', async () => {
    const nygard = nygardAdr({ number: 1, title: 'A', eol: '\r\n' });
    const linked = nygardAdr({ number: 2, title: 'B', status: '', statusLines: ['Amends [1. A](0001-a.md)'] });
    const madr4 = madr4Adr({ title: 'C', status: 'proposed # pending review' });
    const madr2 = madr2Adr({ title: 'D', status: 'proposed' });
    const { index } = await indexOf(
      { 'doc/adr/0001-a.md': nygard, 'doc/adr/0002-b.md': linked, 'docs/decisions/0003-c.md': madr4, 'docs/decisions/0004-d.md': madr2 },
      { decisionDirectories: ['doc/adr', 'docs/decisions'] },
    );
    const byNumber = (n: number) => index.records().find((r) => r.number === n)!;
    assert.strictEqual(setDecisionStatus(byNumber(1), nygard, 'deprecated'), nygard.replace('Accepted', 'Deprecated'));
    assert.strictEqual(setDecisionStatus(byNumber(2), linked, 'accepted'), linked.replace('## Status\n\n', '## Status\n\nAccepted\n\n'));
    assert.strictEqual(
      setDecisionStatus(byNumber(3), madr4, 'accepted'),
      madr4.replace('status: proposed # pending review', 'status: accepted # pending review'),
    );
    assert.strictEqual(setDecisionStatus(byNumber(4), madr2, 'rejected'), madr2.replace('* Status: proposed', '* Status: rejected'));
  });
});

describe('review findings: edits that must not lose data', () => {
  it('an empty MADR 2 Status bullet is filled on its own line; the next bullet stays', async () => {
    const text = '# T\n\n* Status:\n* Deciders: Dana, Sam\n* Date: 2020-01-01\n';
    const { index } = await indexOf({ 'docs/adr/0001-t.md': text });
    const r = index.records()[0];
    assert.strictEqual(setDecisionStatus(r, text, 'accepted'), '# T\n\n* Status: accepted\n* Deciders: Dana, Sam\n* Date: 2020-01-01\n');
    assert.strictEqual(
      supersedeText(r, text, { number: 3, title: 'X', path: r.path.replace('0001-t', '0003-x') }),
      '# T\n\n* Status: superseded by [ADR-0003](0003-x.md)\n* Deciders: Dana, Sam\n* Date: 2020-01-01\n',
    );
  });

  it('a Status section that ends the file still gets its Superseded by link', async () => {
    const text = '# 1. A\n\nDate: 2020-01-01\n\n## Context\n\nfoo\n\n## Status\n\nAccepted\n';
    const { index } = await indexOf({ 'doc/adr/0001-a.md': text });
    const r = index.records()[0];
    assert.strictEqual(
      supersedeText(r, text, { number: 2, title: 'B', path: r.path.replace('0001-a', '0002-b') }),
      '# 1. A\n\nDate: 2020-01-01\n\n## Context\n\nfoo\n\n## Status\n\nSuperseded by [2. B](0002-b.md)\n',
    );
  });

  it('front-matter values: quoted when YAML would read them otherwise; anchors, duplicates, block values, quoted keys, a closing fence with spaces', () => {
    assert.strictEqual(setFrontMatterValue('---\nstatus: proposed\n---\n', 'status', 'null'), '---\nstatus: "null"\n---\n');
    assert.strictEqual(setFrontMatterValue('---\nstatus: proposed\n---\n', 'status', '- accepted'), '---\nstatus: "- accepted"\n---\n');
    assert.strictEqual(setFrontMatterValue('---\nstatus: &s accepted\nx: *s\n---\n', 'status', 'deprecated'), '---\nstatus: &s deprecated\nx: *s\n---\n');
    assert.strictEqual(
      setFrontMatterValue('---\nstatus: proposed\ndate: 2020-01-01\nstatus: accepted\n---\n', 'status', 'rejected'),
      '---\nstatus: proposed\ndate: 2020-01-01\nstatus: rejected\n---\n',
    );
    assert.strictEqual(
      setFrontMatterValue('---\nstatus: >-\n  accepted\ndate: 2020-01-01\n---\n', 'status', 'deprecated'),
      '---\nstatus: deprecated\ndate: 2020-01-01\n---\n',
    );
    assert.strictEqual(setFrontMatterValue('---\n"status": accepted\n---\n', 'status', 'deprecated'), '---\n"status": deprecated\n---\n');
    assert.strictEqual(
      setFrontMatterValue('---\n{status: accepted}\n---\n', 'status', 'deprecated'),
      '---\n{status: accepted}\n---\n',
      'flow front matter is left alone',
    );
    const spaced = '---\ntitle: Search\n---  \n\nstatus: prose in the body\n';
    assert.strictEqual(setFrontMatterValue(spaced, 'status', 'approved'), '---\ntitle: Search\nstatus: approved\n---  \n\nstatus: prose in the body\n');
  });

  it('deciders are written as typed, $ signs included; a MADR 2 folder gets MADR 2 records', async () => {
    const plan = planNewDecision({
      folder: '/r/doc/adr',
      number: 1,
      title: 'T',
      date: '2026-01-01',
      status: 'proposed',
      deciders: ["Dana $' Lead"],
      supersedes: [],
      dialect: 'nygard',
    });
    assert.match(plan.create.content, /\nDeciders: Dana \$' Lead\n\n## Status/);
    const { index } = await indexOf({
      'docs/adr/0001-a.md': madr2Adr({ title: 'A', status: 'accepted' }),
      'docs/adr/0002-b.md': madr2Adr({ title: 'B', status: 'accepted' }),
    });
    assert.strictEqual(folderDialect(index.records()), 'madr2');
    const madr2 = planNewDecision({
      folder: '/r/docs/adr',
      number: 3,
      title: 'C',
      date: '2026-01-01',
      status: 'proposed',
      deciders: ['Dana'],
      supersedes: [],
      dialect: 'madr2',
    });
    assert.match(madr2.create.content, /^# C\n\n\* Status: proposed\n\* Deciders: Dana\n\* Date: 2026-01-01\n/);
  });
});
