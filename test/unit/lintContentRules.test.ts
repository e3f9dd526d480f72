import * as assert from 'assert';
import * as fs from 'fs';
import { ADR_TOOLS_FIRST_RECORD } from '../../src/core/decisions/adrTools';
import { contentProblems, numberGapProblems } from '../../src/core/lint/contentRules';
import { proseLines } from '../../src/core/lint/templateText';
import { madr2Adr, madr4Adr, nygardAdr } from '../fixtures/recordText';
import { byName, indexOf } from './helpers';

/** The content problems of one record file, as `code@line` (and the severity when it is not a warning). */
async function problemsOf(name: string, text: string, template?: string): Promise<string[]> {
  const { index } = await indexOf({ [`doc/adr/${name}`]: text });
  const record = byName(index, name);
  return contentProblems(record, fs.readFileSync(record.path, 'utf8'), template ? proseLines(template) : undefined).map(
    (p) => `${p.code}@${p.line}${p.severity === 'warning' ? '' : `:${p.severity}`}`,
  );
}

/** The 1-based line of the first line holding `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

const MADR2_TEMPLATE = `# [short title of solved problem and solution]

* Status: [proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)]
* Deciders: [list everyone involved in the decision]
* Date: [YYYY-MM-DD when the decision was last updated]

Technical Story: [description | ticket/issue URL]

## Context and Problem Statement

[Describe the context and problem statement, e.g., in free form using two to three sentences.]

## Considered Options

* [option 1]
* [option 2]

## Decision Outcome

Chosen option: "[option 1]", because [justification. e.g., only option, which meets k.o. criterion decision driver | … | comes out best (see below)].
`;

const MADR4_FRESH = `---
status: proposed
date: 2026-03-01
---

# Use a queue

## Context and Problem Statement

{Describe the context and problem statement, e.g., in free form using two to three sentences or in the form of an illustrative story.}

## Considered Options

* {title of option 1}
* {title of option 2}

## Decision Outcome

Chosen option: "{title of option 1}", because {justification. e.g., only option, which meets k.o. criterion decision driver | which resolves force {force} | …}.
`;

describe('content rules: template-placeholder', () => {
  it('finds adr-tools template prose in a fresh `adr new` record, an error because adr-tools makes it Accepted', async () => {
    assert.deepStrictEqual(await problemsOf('0002-use-kafka.md', nygardAdr({ number: 2, title: 'Use Kafka', template: true })), [
      'template-placeholder@11:error',
    ]);
  });

  it('is a warning while the record is only proposed', async () => {
    assert.deepStrictEqual(await problemsOf('0002-use-kafka.md', nygardAdr({ number: 2, title: 'Use Kafka', status: 'Proposed', template: true })), [
      'template-placeholder@11',
    ]);
  });

  it('finds MADR 2 / log4brains bracket placeholders and MADR 3/4 brace placeholders', async () => {
    // log4brains writes MADR 2's template; its records are named by date.
    assert.deepStrictEqual(
      await problemsOf('20260301-use-a-queue.md', MADR2_TEMPLATE.replace('# [short title of solved problem and solution]', '# Use a queue')),
      ['template-placeholder@3'],
    );
    assert.deepStrictEqual(await problemsOf('0003-use-a-queue.md', MADR4_FRESH), ['template-placeholder@10']);
  });

  it("finds text left from the folder's own template, and says how many lines there are", async () => {
    const template =
      '# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n\n## Context\n\nWhat forces are at play? Link the ticket.\n\n## Decision\n\nWhat we will do, in one paragraph.\n\n## Consequences\n\nWhat gets easier, what gets harder.\n';
    const text = template.replace('NUMBER. TITLE', '4. Use gRPC').replace('DATE', '2026-01-05').replace('STATUS', 'Proposed');
    const { index } = await indexOf({ 'doc/adr/0004-use-grpc.md': text });
    const [problem] = contentProblems(byName(index, '0004-use-grpc.md'), text, proseLines(template));
    assert.strictEqual(problem.code, 'template-placeholder');
    assert.strictEqual(problem.line, 11);
    assert.match(problem.message, /\(and 2 more lines\): "What forces are at play\? Link the ticket\."/);
  });

  it('leaves placeholders in HTML comments and code blocks alone, and links, footnotes and task boxes', async () => {
    const text = nygardAdr({ number: 5, title: 'Use REST' }).replace(
      '## Decision\n',
      '## Decision\n\n<!-- [option 1] | {title of option 1} -->\n\n```md\n* [option 1]\n```\n\nSee [option 1 in the RFC](https://example.com), [^1] and - [x] done.\n',
    );
    assert.deepStrictEqual(await problemsOf('0005-use-rest.md', text), []);
  });

  it('an option labelled `[Option 1]` ahead of its own words is a label, not a placeholder; a bare or quoted `[option 1]` still is', async () => {
    // As a team writes its options: `* [Option 1] Continue supporting …`, then `### [Option 1]` and `* **[Option 2] Remove …**`.
    const labelled = madr2Adr({ title: 'Remove non-threadsafe interfaces', status: 'proposed' }).replace(
      '## Decision Outcome\n',
      "## Considered Options\n\n* [Option 1] Continue supporting non-threadsafe interfaces while also working\n  on the enhancements.\n\n* [Option 2] Immediately deprecate, then remove.\n\n## Decision Outcome\n\n* **[Option 2] Immediately deprecate, then remove entirely.**\n\n### [Option 1]\n\n* Good, because we don't break anyone.\n",
    );
    assert.deepStrictEqual(await problemsOf('0004-only-threadsafe-interfaces.md', labelled), []);
    const bare = labelled.replace('* [Option 2] Immediately deprecate, then remove.', '* [option 2]');
    assert.deepStrictEqual(await problemsOf('0004-only-threadsafe-interfaces.md', bare), [`template-placeholder@${lineOf(bare, '* [option 2]')}`]);
    const quoted = labelled.replace('* **[Option 2] Immediately deprecate, then remove entirely.**', 'Chosen option: "[option 2]", because it is simpler.');
    assert.deepStrictEqual(await problemsOf('0004-only-threadsafe-interfaces.md', quoted), [`template-placeholder@${lineOf(quoted, 'Chosen option')}`]);
  });

  it('leaves a placeholder quoted in inline code alone (a decision about the template itself), but not one beside it', async () => {
    // MADR's own decision on placeholders shows each style as `Example: \`[option 1]\`.`
    const quoted = madr4Adr({ title: 'Use curly brackets to denote placeholders', status: 'accepted' }).replace(
      '## Decision Outcome\n',
      '### Use square brackets\n\nExample: `[option 1]`.\n\n### Use curly braces\n\nExample: ``{title of option 1}``, as in `Chosen option: "{title of option 1}"`.\n\n## Decision Outcome\n',
    );
    assert.deepStrictEqual(await problemsOf('0012-use-curly-brackets.md', quoted), []);
    const left = madr4Adr({ title: 'Use a queue', status: 'proposed' }).replace(
      '## Decision Outcome\n',
      '## Decision Outcome\n\nChosen option: `Kafka` over [option 1].\n',
    );
    assert.deepStrictEqual(await problemsOf('0013-use-a-queue.md', left), ['template-placeholder@' + lineOf(left, '[option 1]')]);
  });
});

describe('content rules: sections', () => {
  it('an empty required section is empty-section, at its heading', async () => {
    const text = nygardAdr({ number: 6, title: 'Use S3' }).replace('We will use s3.\n', '\n');
    assert.deepStrictEqual(await problemsOf('0006-use-s3.md', text), ['empty-section@13']);
  });

  it('a section with only a comment is empty; one with only subsections is not', async () => {
    const comment = madr2Adr({ title: 'Use S3', status: 'accepted' }).replace('Chosen option: "Option one", because it is simpler.', '<!-- fill in -->');
    assert.deepStrictEqual(await problemsOf('0007-use-s3.md', comment), ['empty-section@18']);
    const nested = madr2Adr({ title: 'Use S3', status: 'accepted' }).replace(
      'Chosen option: "Option one", because it is simpler.',
      '### Consequences\n\n* Good, because it is cheap.',
    );
    assert.deepStrictEqual(await problemsOf('0007-use-s3.md', nested), []);
  });

  it("Lodestar's own new MADR record (sections without text) has empty sections to fill", async () => {
    const text =
      '---\nstatus: proposed\ndate: 2026-03-01\n---\n\n# Use a queue\n\n## Context and Problem Statement\n\n\n\n## Considered Options\n\n## Decision Outcome\n\n';
    assert.deepStrictEqual(await problemsOf('0008-use-a-queue.md', text), ['empty-section@8', 'empty-section@14']);
  });

  it('a missing required section is missing-section, at the title; a status under the title stands in for the Status section', async () => {
    const noConsequences = nygardAdr({ number: 9, title: 'Use Redis' }).replace(/## Consequences[\s\S]*$/, '');
    assert.deepStrictEqual(await problemsOf('0009-use-redis.md', noConsequences), ['missing-section@1']);
    const inlineStatus =
      '# 9. Use Redis\n\nDate: 2026-01-05\nStatus: Accepted\n\n## Context\n\nSlow pages.\n\n## Decision\n\nCache.\n\n## Consequences\n\nA cache to run.\n';
    assert.deepStrictEqual(await problemsOf('0009-use-redis.md', inlineStatus), []);
  });

  it('"## Decisions" (a record that takes several, numbered) is the Decision section', async () => {
    const text = nygardAdr({ number: 20, title: 'Environments and pipeline' }).replace(
      /## Decision\n\n[^\n]*\n/,
      "## Decisions\n\n1. Teams are offered 'namespaces'.\n\n2. A namespace is a Kubernetes namespace and its AWS resources.\n",
    );
    assert.match(text, /## Decisions\n/);
    assert.deepStrictEqual(await problemsOf('0020-environments-and-pipeline.md', text), []);
    const empty = text.replace(/## Decisions\n\n1\.[^\n]*\n\n2\.[^\n]*\n/, '## Decisions\n\n');
    assert.deepStrictEqual(await problemsOf('0020-environments-and-pipeline.md', empty), [`empty-section@${lineOf(empty, '## Decisions')}`]);
  });

  it('a plain record with no dialect is not asked for sections', async () => {
    assert.deepStrictEqual(await problemsOf('0010-notes.md', '# 10. Notes\n\nSome notes.\n'), []);
  });
});

describe('content rules: title-number-mismatch', () => {
  it('the file name and the `# N.` title disagree', async () => {
    assert.deepStrictEqual(await problemsOf('0012-use-kafka.md', nygardAdr({ number: 11, title: 'Use Kafka' })), ['title-number-mismatch@1']);
    assert.deepStrictEqual(await problemsOf('0012-use-kafka.md', '# ADR-0011: Use Kafka\n\nSome text.\n'), ['title-number-mismatch@1']);
  });

  it('a title that starts with a number of its own is not a number (12-factor, 2-phase)', async () => {
    assert.deepStrictEqual(await problemsOf('0003-twelve-factor.md', '# 12-factor app config\n\nText.\n'), []);
    assert.deepStrictEqual(await problemsOf('0003-twelve-factor.md', '# 3. Twelve-factor config\n\nText.\n'), []);
  });
});

describe('content rules: number-gap', () => {
  it('reports skipped numbers (info) on the record after the gap, per folder; numbers on other branches are no gap', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A' }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B' }),
      'doc/adr/0005-c.md': nygardAdr({ number: 5, title: 'C' }),
      'doc/adr/0007-d.md': nygardAdr({ number: 7, title: 'D' }),
    });
    assert.deepStrictEqual(
      numberGapProblems(index.records('decision')).map((p) => [p.path.slice(p.path.lastIndexOf('/') + 1), p.severity, p.message]),
      [
        ['0005-c.md', 'info', 'Numbers 3–4 are not used here: this record follows 0002-b.md.'],
        ['0007-d.md', 'info', 'Number 6 is not used here: this record follows 0005-c.md.'],
      ],
    );
    const folder = index.records('decision')[0].folder;
    assert.deepStrictEqual(
      numberGapProblems(index.records('decision'), new Map([[folder, new Set([3, 6])]])).map((p) => p.message),
      ['Number 4 is not used here or on another branch: this record follows 0002-b.md.'],
    );
  });

  it('a subfolder with numbers of its own (MADR\'s "subfolders with local IDs") is its own series: no duplicate, gaps counted within it', async () => {
    // As a platform team keeps a new programme's decisions: `cp30/ADR-002-…` beside the top folder's `002-…`.
    const { index } = await indexOf({
      '.adr-dir': 'architecture-decision-record\n',
      'architecture-decision-record/000-record.md': nygardAdr({ number: 0, title: 'Record' }),
      'architecture-decision-record/001-use-es.md': nygardAdr({ number: 1, title: 'Use ES' }),
      'architecture-decision-record/002-use-github.md': nygardAdr({ number: 2, title: 'Use GitHub' }),
      'architecture-decision-record/005-ecr.md': nygardAdr({ number: 5, title: 'ECR' }),
      'architecture-decision-record/cp30/ADR-002-argocd.md': '# ADR-002: Argo CD\n\n**Status:** Accepted  \n**Date:** 2026-05-07\n',
      'architecture-decision-record/cp30/ADR-005-observability.md': '# ADR-005: Observability\n\n**Status:** Proposed  \n**Date:** 2026-05-09\n',
      'architecture-decision-record/cp30/ADR-006-logging.md': '# ADR-006: Logging\n\n**Status:** Proposed  \n',
    });
    assert.deepStrictEqual(
      index.problems().filter((p) => p.code === 'duplicate-number'),
      [],
    );
    assert.deepStrictEqual(
      numberGapProblems(index.records('decision')).map((p) => `${p.path.slice(p.path.indexOf('record/') + 7)}: ${p.message}`),
      [
        '005-ecr.md: Numbers 3–4 are not used here: this record follows 002-use-github.md.',
        'cp30/ADR-005-observability.md: Numbers 3–4 are not used here: this record follows ADR-002-argocd.md.',
      ],
    );
  });

  it('subfolders that share one run of numbers (global IDs) are one series; a number used twice in one folder is still a duplicate', async () => {
    const { index } = await indexOf({
      'docs/decisions/0001-record.md': madr4Adr({ title: 'Record', status: 'accepted' }),
      'docs/decisions/backend/0002-use-postgres.md': madr4Adr({ title: 'Use Postgres', status: 'accepted' }),
      'docs/decisions/frontend/0003-use-react.md': madr4Adr({ title: 'Use React', status: 'accepted' }),
      'docs/decisions/frontend/0005-use-vite.md': madr4Adr({ title: 'Use Vite', status: 'accepted' }),
      'docs/decisions/frontend/0005-use-vitest.md': madr4Adr({ title: 'Use Vitest', status: 'accepted' }),
    });
    assert.deepStrictEqual(
      index
        .problems()
        .filter((p) => p.code === 'duplicate-number')
        .map((p) => p.path.slice(p.path.lastIndexOf('/') + 1)),
      ['0005-use-vite.md', '0005-use-vitest.md'],
    );
    assert.deepStrictEqual(
      numberGapProblems(index.records('decision')).map((p) => p.message),
      ['Number 4 is not used here: this record follows 0003-use-react.md.'],
    );
  });
});

describe('content rules on ordinary, filled-in records', () => {
  it('say nothing about a filled-in record of any dialect', async () => {
    const { index } = await indexOf({
      // What `adr init` writes: real text, not a template.
      'doc/adr/0001-record-architecture-decisions.md': ADR_TOOLS_FIRST_RECORD.replace('DATE', '2026-01-05'),
      'doc/adr/0002-use-kafka.md': nygardAdr({
        number: 2,
        title: 'Use Kafka',
        statusLines: ['Supersedes [1. Record architecture decisions](0001-record-architecture-decisions.md)'],
      }),
      'doc/adr/0003-use-rest.md': madr2Adr({ title: 'Use REST', status: 'accepted', links: ['Refines [ADR-0002](0002-use-kafka.md)'] }),
      'doc/adr/0004-use-grpc.md': madr4Adr({ title: 'Use gRPC', status: 'accepted' }),
      'doc/adr/0005-use-nats.md': madr4Adr({ title: 'Use NATS', status: 'proposed', madr3: true }),
      'doc/adr/0006-options.md': `---\nstatus: accepted\ndate: 2026-03-01\n---\n\n# Options\n\n## Context and Problem Statement\n\nWhich {cache} key format? We use \`{tenant}/{id}\` and [RFC 7234](https://www.rfc-editor.org/rfc/rfc7234).\n\n## Decision Outcome\n\nChosen option: "tenant first", because [it shards well][shard].\n\n[shard]: https://example.com/shard\n`,
    });
    for (const r of index.records('decision')) assert.deepStrictEqual(contentProblems(r, fs.readFileSync(r.path, 'utf8')), [], r.path);
  });
});
