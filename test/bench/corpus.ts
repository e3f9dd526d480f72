import * as fs from 'fs';
import * as path from 'path';
import { frontMatterVariant, Kind, seededRandom, withCrlf } from '../fixtures/frontMatterVariants';
import { madr2Adr, nygardAdr } from '../fixtures/recordText';

/**
 * A repository the way teams keep one: 10,000 records in several dialects and
 * monorepo folders, front matter written by hand (see frontMatterVariants).
 *
 * - `doc/adr` (named by `.adr-dir`): 4,000 adr-tools records, some CRLF, some superseded;
 * - `.log4brains.yml` packages: 1,500 MADR 3/4 records with varied front matter
 *   (packages/api) and 1,000 log4brains/MADR 2 bullet records (packages/web);
 * - `docs/design`: 1,500 design docs; `docs/mentoring`: 30 mentees and 1,000 sessions;
 * - `docs/influence/YYYY`: 970 activities.
 */

export const ADR_TOOLS_RECORDS = 4000;
export const RECORDS = 10_000;
const FILLER = 'We weigh the options against operability, cost and the team’s experience. See ADR-0012 and docs/design/api.md. '.repeat(24);

function pad(text: string, size: number, rnd: () => number): string {
  const want = Math.floor(size * (0.5 + rnd()));
  return text.length >= want ? text : `${text}\n## Notes\n\n${FILLER.slice(0, want - text.length)}\n`;
}

function write(root: string, rel: string, text: string): number {
  const full = path.join(root, rel);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
  return Buffer.byteLength(text);
}

export interface Corpus {
  root: string;
  /** The adr-tools folder, for `adr list` / `adr generate toc` and adr-log. */
  adrFolder: string;
  records: number;
  bytes: number;
}

/** Writes the corpus into `root` (which may already hold a git history). */
export function buildCorpus(root: string): Corpus {
  const rnd = seededRandom(2026);
  let bytes = 0;
  let records = 0;
  const add = (rel: string, text: string): void => {
    bytes += write(root, rel, text);
    records++;
  };
  write(root, '.adr-dir', 'doc/adr\n');
  write(
    root,
    '.log4brains.yml',
    '---\nproject:\n  name: bench\n  tz: Europe/Paris\n  adrFolder: ./docs/adr\n  packages:\n    - name: api\n      path: packages/api\n      adrFolder: packages/api/docs/adr\n    - name: web\n      path: packages/web\n      adrFolder: packages/web/docs/adr\n',
  );
  fs.mkdirSync(path.join(root, 'docs/adr'), { recursive: true });
  const fm = (kind: Kind, title: string): string => {
    const v = frontMatterVariant(rnd, kind, title);
    return `---\n${v.yaml}---\n`;
  };
  for (let i = 1; i <= ADR_TOOLS_RECORDS; i++) {
    const title = `Decision number ${i} about subsystem ${i % 97}`;
    const superseded = i % 50 === 0 && i < ADR_TOOLS_RECORDS;
    const supersedes = i % 50 === 1 && i > 1;
    const link = (n: number, kind: string): string =>
      `${kind} [${n}. Decision number ${n} about subsystem ${n % 97}](${String(n).padStart(4, '0')}-decision-number-${n}.md)`;
    const text = nygardAdr({
      number: i,
      title,
      status: superseded ? '' : rnd() < 0.8 ? 'Accepted' : 'Proposed',
      statusLines: superseded ? [link(i + 1, 'Superceded by')] : supersedes ? [link(i - 1, 'Supersedes')] : [],
    });
    const body = pad(text, 2048, rnd);
    add(`doc/adr/${String(i).padStart(4, '0')}-decision-number-${i}.md`, rnd() < 0.1 ? withCrlf(body) : body);
  }
  for (let i = 1; i <= 1500; i++) {
    const title = `Use the ${i % 13} queue for ${i % 7} events`;
    const text = `${fm('decision', title)}\n# ${title}\n\n## Context and Problem Statement\n\nHow should we handle it?\n\n## Considered Options\n\n* Option one\n* Option two\n\n## Decision Outcome\n\nChosen option: "Option one", because it is simpler.\n`;
    add(`packages/api/docs/adr/${String(i).padStart(4, '0')}-use-the-queue-${i}.md`, pad(rnd() < 0.1 ? withCrlf(text) : text, 2048, rnd));
  }
  for (let i = 1; i <= 1000; i++) {
    const title = `Render ${i % 11} pages on the server`;
    add(
      `packages/web/docs/adr/${String(i).padStart(4, '0')}-render-pages-${i}.md`,
      pad(`${madr2Adr({ title, status: ['accepted', 'proposed', 'deprecated'][i % 3] })}\n* Tags: web, rendering\n`, 2048, rnd),
    );
  }
  for (let i = 1; i <= 1500; i++) {
    const title = `Design ${i}: the ${i % 17} pipeline`;
    add(
      `docs/design/${String(i).padStart(4, '0')}-pipeline-${i}.md`,
      pad(`${fm('design', title)}\n# ${title}\n\n## Context\n\n## Goals\n\n## Proposal\n`, 3072, rnd),
    );
  }
  const mentees = Array.from({ length: 30 }, (_, k) => `mentee${k}`);
  for (const m of mentees) add(`docs/mentoring/${m}.md`, `${fm('person', m)}\n# ${m}\n`);
  for (let i = 0; i < 1000; i++) {
    const m = mentees[i % mentees.length];
    add(
      `docs/mentoring/${m}/2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}-session-${i}.md`,
      pad(`${fm('session', m)}\n# Session ${i}\n\nNotes.\n`, 1024, rnd),
    );
  }
  for (let i = 0; i < 970; i++) {
    const year = 2025 + (i % 2);
    add(
      `docs/influence/${year}/${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}-activity-${i}.md`,
      pad(`${fm('activity', `Activity ${i}`)}\n# Activity ${i}\n`, 1024, rnd),
    );
  }
  return { root, adrFolder: path.join(root, 'doc/adr'), records, bytes };
}
