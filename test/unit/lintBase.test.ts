import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildRepo, commitAll, git, makeTempDir, writeFiles } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';
import { runCli } from './cliInProcess';

/**
 * main has 0001; `feature` branches off and adds 0002-use-kafka.md; while it
 * is open, main takes 2 for 0002-use-nats.md. Both pass alone; merged, two
 * records share a number.
 */
function twoBranchesTakeTheSameNumber(): string {
  const root = buildRepo({
    'doc/adr/0001-record-architecture-decisions.md': nygardAdr({ number: 1, title: 'Record architecture decisions', template: true }),
  });
  git(root, ['checkout', '-q', '-b', 'feature']);
  writeFiles(root, { 'doc/adr/0002-use-kafka.md': nygardAdr({ number: 2, title: 'Use Kafka' }) });
  commitAll(root, 'Use Kafka');
  git(root, ['checkout', '-q', 'main']);
  writeFiles(root, { 'doc/adr/0002-use-nats.md': nygardAdr({ number: 2, title: 'Use NATS' }) });
  commitAll(root, 'Use NATS');
  git(root, ['checkout', '-q', 'feature']);
  return root;
}

describe('lint --base', () => {
  it("reports a number this branch adds that the base already gives to another file, naming it, and only this branch's records", async () => {
    const root = twoBranchesTakeTheSameNumber();
    const r = await runCli(['lint', '--base', 'main', '--root', root]);
    assert.strictEqual(r.code, 1, r.stderr);
    // 0001 still has adr-tools' template text (an error: it is accepted), but this branch did not touch it.
    assert.strictEqual(
      r.stdout,
      'doc/adr/0002-use-kafka.md:1: error number-used-on-base Decision number 2 is already used on main by 0002-use-nats.md (it merged while this branch was open): renumber this record, e.g. `lodestar adr renumber doc/adr/0002-use-kafka.md --next-free`.\n',
    );
    const whole = await runCli(['lint', '--root', root]);
    assert.match(whole.stdout, /0001-record-architecture-decisions\.md:\d+: error template-placeholder/);
  });

  it('passes once the record is renumbered with `adr renumber --next-free`, and the fix is a real one', async () => {
    const root = twoBranchesTakeTheSameNumber();
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const renumbered = await runCli(['adr', 'renumber', 'doc/adr/0002-use-kafka.md', '--next-free']);
      assert.deepStrictEqual([renumbered.code, renumbered.stdout], [0, 'doc/adr/0003-use-kafka.md\n']);
    } finally {
      process.chdir(cwd);
    }
    const r = await runCli(['lint', '--base', 'main', '--root', root]);
    assert.deepStrictEqual([r.code, r.stdout], [0, '']);
    assert.match(fs.readFileSync(path.join(root, 'doc/adr/0003-use-kafka.md'), 'utf8'), /^# 3\. Use Kafka\n/);
  });

  it('counts uncommitted and untracked records, and reports the problems of records the branch changed', async () => {
    const root = buildRepo({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }), 'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B' }) });
    git(root, ['checkout', '-q', '-b', 'feature']);
    git(root, ['checkout', '-q', 'main']);
    writeFiles(root, { 'doc/adr/0003-c.md': nygardAdr({ number: 3, title: 'C' }) });
    commitAll(root, 'C');
    git(root, ['checkout', '-q', 'feature']);
    writeFiles(root, {
      'doc/adr/0003-d.md': nygardAdr({ number: 3, title: 'D' }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B', statusLines: ['Amends [9. Nothing](0009-nothing.md)'] }),
    });
    const r = await runCli(['lint', '--base', 'main', '--root', root]);
    assert.deepStrictEqual(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ').slice(0, 3).join(' ')),
      ['doc/adr/0002-b.md:9: error broken-link', 'doc/adr/0003-d.md:1: error number-used-on-base'],
    );
  });

  it('a record renamed under its own number, or a file the branch deletes, is no collision', async () => {
    const root = buildRepo({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }), 'doc/adr/0002-old.md': nygardAdr({ number: 2, title: 'Old' }) });
    git(root, ['checkout', '-q', '-b', 'feature']);
    git(root, ['mv', 'doc/adr/0001-a.md', 'doc/adr/0001-a-better-title.md']);
    git(root, ['rm', '-q', 'doc/adr/0002-old.md']);
    writeFiles(root, { 'doc/adr/0002-new.md': nygardAdr({ number: 2, title: 'New' }) });
    commitAll(root, 'Retitle, replace');
    const r = await runCli(['lint', '--base', 'main', '--root', root]);
    assert.deepStrictEqual([r.code, r.stdout], [0, '']);
  });

  it('--branches: the same check against other branches, naming them; a branch this one contains is not another', async () => {
    const root = twoBranchesTakeTheSameNumber();
    git(root, ['checkout', '-q', '-b', 'colleague', 'main~1']);
    writeFiles(root, { 'doc/adr/0003-use-grpc.md': nygardAdr({ number: 3, title: 'Use gRPC' }) });
    commitAll(root, 'gRPC');
    git(root, ['checkout', '-q', 'feature']);
    git(root, ['branch', 'feature-pushed']); // this branch's own copy, as after a push
    writeFiles(root, { 'doc/adr/0003-use-rest.md': nygardAdr({ number: 3, title: 'Use REST' }) });
    commitAll(root, 'REST');
    const without = await runCli(['lint', '--base', 'main', '--root', root]);
    assert.ok(!without.stdout.includes('number-on-other-branch'), without.stdout);
    const r = await runCli(['lint', '--base', 'main', '--branches', 'coll*,feature-*', '--root', root]);
    assert.strictEqual(r.code, 1);
    assert.match(
      r.stdout,
      /^doc\/adr\/0003-use-rest\.md:1: error number-on-other-branch Decision number 3 is also used by 0003-use-grpc\.md on branch colleague: renumber one of them before they meet\.$/m,
    );
    assert.strictEqual(r.stdout.match(/number-on-other-branch/g)?.length, 1, r.stdout);
  });

  it('--branches: a branch already merged into the base is no other branch, though its tip still has a number the base renumbered since', async () => {
    const root = buildRepo({ 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }) });
    git(root, ['branch', 'feature']);
    git(root, ['checkout', '-q', '-b', 'old-feature']);
    writeFiles(root, { 'doc/adr/0002-old.md': nygardAdr({ number: 2, title: 'Old' }) });
    commitAll(root, 'Old');
    // While feature is open, old-feature merges into main, and main then gives its record number 3.
    git(root, ['checkout', '-q', 'main']);
    git(root, ['merge', '-q', '--no-ff', '--no-edit', 'old-feature']);
    git(root, ['mv', 'doc/adr/0002-old.md', 'doc/adr/0003-old.md']);
    writeFiles(root, { 'doc/adr/0003-old.md': nygardAdr({ number: 3, title: 'Old' }) });
    commitAll(root, 'Renumber Old');
    git(root, ['checkout', '-q', 'feature']);
    writeFiles(root, { 'doc/adr/0002-new.md': nygardAdr({ number: 2, title: 'New' }) });
    commitAll(root, 'New');
    const r = await runCli(['lint', '--base', 'main', '--branches', '*', '--root', root]);
    assert.deepStrictEqual([r.code, r.stdout], [0, '']);
    // A branch not merged yet with that number still is one.
    git(root, ['checkout', '-q', '-b', 'colleague', 'main']);
    writeFiles(root, { 'doc/adr/0002-other.md': nygardAdr({ number: 2, title: 'Other' }) });
    commitAll(root, 'Other');
    git(root, ['checkout', '-q', 'feature']);
    const again = await runCli(['lint', '--base', 'main', '--branches', '*', '--root', root]);
    assert.match(
      again.stdout,
      /^doc\/adr\/0002-new\.md:1: error number-on-other-branch Decision number 2 is also used by 0002-other\.md on branch colleague: /m,
    );
    assert.ok(!again.stdout.includes('old-feature'), again.stdout);
  });

  it('--format github annotates the collision on the pull request', async () => {
    const root = twoBranchesTakeTheSameNumber();
    const r = await runCli(['lint', '--base', 'main', '--format', 'github', '--root', root]);
    assert.match(
      r.stdout,
      /^::error file=doc\/adr\/0002-use-kafka\.md,line=1,title=number-used-on-base::Decision number 2 is already used on main by 0002-use-nats\.md/,
    );
  });

  it('a base that is not there, or no history in common, is said plainly', async () => {
    const root = twoBranchesTakeTheSameNumber();
    const unknown = await runCli(['lint', '--base', 'origin/nope', '--root', root]);
    assert.strictEqual(unknown.code, 1);
    assert.match(
      unknown.stdout,
      /^\.:1: error base-history-missing --base origin\/nope is not a commit in this clone\. Check the name \(`git branch -a` lists the branches\), or fetch it: `git fetch origin BRANCH`\.$/m,
    );
    const option = await runCli(['lint', '--base', '--upload-pack=x', '--root', root]);
    assert.strictEqual(option.code, 2);
  });
});

describe('lint --base in a shallow clone', () => {
  function cloneOf(origin: string, args: string[]): string {
    const clone = path.join(makeTempDir(), 'clone');
    git(path.dirname(clone), ['clone', '-q', ...args, `file://${origin}`, clone]);
    return clone;
  }

  it('says that history is missing and how to fetch it, and reports no collision it cannot prove', async () => {
    const origin = twoBranchesTakeTheSameNumber();
    // As actions/checkout does by default: one commit of the pull request's branch.
    const single = cloneOf(origin, ['--depth=1', '-b', 'feature']);
    const r = await runCli(['lint', '--base', 'origin/main', '--root', single]);
    assert.strictEqual(r.code, 1);
    assert.match(
      r.stdout,
      /^\.:1: error base-history-missing --base origin\/main is not a commit in this clone\. This is a shallow clone, so the history is missing\. .*`fetch-depth: 0`/m,
    );
    assert.ok(!r.stdout.includes('number-used-on-base'), r.stdout);

    // Both tips, one commit each: the merge base is beyond what was fetched.
    const tips = cloneOf(origin, ['--depth=1', '--no-single-branch', '-b', 'feature']);
    const t = await runCli(['lint', '--base', 'origin/main', '--root', tips]);
    assert.match(
      t.stdout,
      /^\.:1: error base-history-missing This branch and origin\/main meet in history this shallow clone does not have\. .*`fetch-depth: 0`/m,
    );
    assert.ok(!t.stdout.includes('number-used-on-base'), t.stdout);
    // In SARIF too, on a file of the repository, so that code scanning takes the upload.
    const sarif = JSON.parse((await runCli(['lint', '--base', 'origin/main', '--format', 'sarif', '--root', tips])).stdout) as {
      runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const missing = sarif.runs[0].results.filter((x) => x.ruleId === 'base-history-missing');
    assert.deepStrictEqual(
      missing.map((x) => x.locations.map((l) => l.physicalLocation.artifactLocation.uri)),
      [['doc/adr/0001-record-architecture-decisions.md']],
    );
    assert.ok(sarif.runs[0].results.every((x) => x.locations.length === 1));

    // Fetched as the message says: the collision is found.
    git(tips, ['fetch', '-q', '--unshallow', 'origin']);
    const full = await runCli(['lint', '--base', 'origin/main', '--root', tips]);
    assert.match(
      full.stdout,
      /^doc\/adr\/0002-use-kafka\.md:1: error number-used-on-base Decision number 2 is already used on origin\/main by 0002-use-nats\.md/,
    );
  });
});

describe('lint --base where CI runs it', () => {
  it('on the detached merge commit a pull-request checkout makes, with only origin/main as the base, finds the collision', async () => {
    const origin = twoBranchesTakeTheSameNumber();
    const clone = path.join(makeTempDir(), 'clone');
    git(path.dirname(clone), ['clone', '-q', '-b', 'feature', `file://${origin}`, clone]);
    // As actions/checkout does for pull_request: the base merged with the branch, HEAD detached, no local main.
    git(clone, ['checkout', '-q', '--detach', 'origin/main']);
    git(clone, ['merge', '-q', '--no-edit', 'origin/feature']);
    assert.strictEqual(git(clone, ['branch', '--list', 'main']).trim(), '');
    const r = await runCli(['lint', '--base', 'origin/main', '--branches', 'origin/*', '--format', 'github', '--root', clone]);
    assert.strictEqual(r.code, 1, r.stderr);
    assert.match(
      r.stdout,
      /^::error file=doc\/adr\/0002-use-kafka\.md,line=1,title=number-used-on-base::Decision number 2 is already used on origin\/main by 0002-use-nats\.md/m,
    );
    // origin/feature is the branch itself, already merged into HEAD: no other branch.
    assert.ok(!r.stdout.includes('number-on-other-branch'), r.stdout);

    // `--base main` names the remote-tracking branch it probably means.
    const local = await runCli(['lint', '--base', 'main', '--root', clone]);
    assert.strictEqual(local.code, 1);
    assert.match(local.stdout, /^\.:1: error base-history-missing --base main is not a commit in this clone\. Did you mean --base origin\/main\? /m);
  });

  it('a folder with spaces, CRLF records, a record renumbered by a rename: the collision, with a command that runs as printed', async () => {
    const crlf = (number: number, title: string): string => nygardAdr({ number, title, eol: '\r\n' });
    const root = buildRepo({
      '.adr-dir': 'docs/our decisions\n',
      'docs/our decisions/0001-a.md': crlf(1, 'A'),
      'docs/our decisions/0002-b.md': crlf(2, 'B'),
    });
    git(root, ['checkout', '-q', '-b', 'feature']);
    git(root, ['mv', 'docs/our decisions/0002-b.md', 'docs/our decisions/0003-b.md']);
    writeFiles(root, { 'docs/our decisions/0003-b.md': crlf(3, 'B') });
    commitAll(root, 'Renumber B');
    git(root, ['checkout', '-q', 'main']);
    writeFiles(root, { 'docs/our decisions/0003-c.md': crlf(3, 'C') });
    commitAll(root, 'C');
    git(root, ['checkout', '-q', 'feature']);
    assert.match(git(root, ['diff', '--name-status', '-M', 'main...feature']), /^R\d+\tdocs\/our decisions\/0002-b\.md\tdocs\/our decisions\/0003-b\.md$/m);

    const r = await runCli(['lint', '--base', 'main', '--root', root]);
    assert.strictEqual(r.code, 1, r.stderr);
    // Only the collision: CRLF records are read as well as LF ones (no missing or empty sections).
    assert.strictEqual(
      r.stdout,
      "docs/our decisions/0003-b.md:1: error number-used-on-base Decision number 3 is already used on main by 0003-c.md (it merged while this branch was open): renumber this record, e.g. `lodestar adr renumber 'docs/our decisions/0003-b.md' --next-free`.\n",
    );
    const sarif = JSON.parse((await runCli(['lint', '--base', 'main', '--format', 'sarif', '--root', root])).stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.strictEqual(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'docs/our%20decisions/0003-b.md');

    // The printed command, as a shell would split it.
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const renumbered = await runCli(['adr', 'renumber', 'docs/our decisions/0003-b.md', '--next-free']);
      assert.deepStrictEqual([renumbered.code, renumbered.stdout], [0, 'docs/our decisions/0004-b.md\n']);
    } finally {
      process.chdir(cwd);
    }
    assert.deepStrictEqual((await runCli(['lint', '--base', 'main', '--root', root])).stdout, '');
  });

  it('--root below the repository top: github and sarif paths are from the top, as GitHub places them; text stays from --root', async () => {
    const root = buildRepo({ 'services/pay/doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A', template: true }) });
    const sub = path.join(root, 'services/pay');
    const text = await runCli(['lint', '--root', sub]);
    assert.match(text.stdout, /^doc\/adr\/0001-a\.md:\d+: error template-placeholder/m);
    const github = await runCli(['lint', '--format', 'github', '--root', sub]);
    assert.match(github.stdout, /^::error file=services\/pay\/doc\/adr\/0001-a\.md,line=\d+,title=template-placeholder::/m);
    assert.ok(!/file=doc\//.test(github.stdout), github.stdout);
    const sarif = JSON.parse((await runCli(['lint', '--format', 'sarif', '--root', sub])).stdout) as {
      runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    assert.deepStrictEqual(
      [...new Set(sarif.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation.uri))],
      ['services/pay/doc/adr/0001-a.md'],
    );
  });
});

describe('lint and a record the branch renames', () => {
  function renamedOnBranch(): string {
    const root = buildRepo({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A', statusLines: ['Amended by [2. B](0002-b.md)'] }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B', statusLines: ['Amends [1. A](0001-a.md)'] }),
    });
    git(root, ['checkout', '-q', '-b', 'feature']);
    git(root, ['mv', 'doc/adr/0002-b.md', 'doc/adr/0002-b-better-title.md']);
    commitAll(root, 'Retitle B');
    return root;
  }

  it('--base: the link the rename breaks in a record the branch left alone is reported', async () => {
    const root = renamedOnBranch();
    const r = await runCli(['lint', '--base', 'main', '--root', root]);
    assert.strictEqual(r.code, 1, r.stdout);
    // …and, on the renamed record, that the link back is gone.
    assert.deepStrictEqual(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ').slice(0, 3).join(' ')),
      ['doc/adr/0001-a.md:9: error broken-link', 'doc/adr/0002-b-better-title.md:9: error one-sided-link'],
    );
    // Fixed on the branch: clean.
    writeFiles(root, { 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A', statusLines: ['Amended by [2. B](0002-b-better-title.md)'] }) });
    assert.deepStrictEqual((await runCli(['lint', '--base', 'main', '--root', root])).stdout, '');
  });

  it('without --base: the old name on main is the same record, not a second one with its number', async () => {
    const root = renamedOnBranch();
    writeFiles(root, { 'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A', statusLines: ['Amended by [2. B](0002-b-better-title.md)'] }) });
    commitAll(root, 'Follow the link');
    assert.deepStrictEqual(await runCli(['lint', '--root', root]).then((r) => [r.code, r.stdout]), [0, '']);
    // A different record with the number on main still is one.
    git(root, ['checkout', '-q', 'main']);
    writeFiles(root, { 'doc/adr/0003-c.md': nygardAdr({ number: 3, title: 'C' }) });
    commitAll(root, 'C');
    git(root, ['checkout', '-q', 'feature']);
    writeFiles(root, { 'doc/adr/0003-d.md': nygardAdr({ number: 3, title: 'D' }) });
    commitAll(root, 'D');
    const r = await runCli(['lint', '--root', root]);
    assert.match(r.stdout, /^doc\/adr\/0003-d\.md:1: error number-on-other-branch Decision number 3 is also used by 0003-c\.md on branch main/m);
    assert.ok(!r.stdout.includes('0002-b'), r.stdout);
  });
});
