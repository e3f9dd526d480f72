import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PROBLEM_CODES } from '../../src/core/lint/problemCodes';

const PROJECT = path.resolve(__dirname, '../../..');

/** The rows of the README's one table of problem codes: code → default severity. */
function readmeCodes(): Map<string, string> {
  const readme = fs.readFileSync(path.join(PROJECT, 'README.md'), 'utf8');
  const start = readme.indexOf('#### Problem codes');
  assert.ok(start >= 0, 'the README has a "Problem codes" section');
  const rows = new Map<string, string>();
  for (const line of readme.slice(start).split('\n').slice(1)) {
    if (/^#/.test(line)) break;
    const m = /^\| `([a-z0-9-]+)` \| (error|warning|info) \| (.+?) \| (.+?) \|$/.exec(line);
    if (m) rows.set(m[1], m[2]);
  }
  return rows;
}

/** Every kebab-case code written where a problem is made (`code: '…'`, `problem('…'`) in src/. */
function codesInSource(): Set<string> {
  const codes = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') && !full.endsWith(path.join('lint', 'problemCodes.ts'))) {
        for (const line of fs.readFileSync(full, 'utf8').split('\n')) {
          if (!/\bcode: |\bproblem\(/.test(line)) continue;
          for (const m of line.matchAll(/'([a-z]+(?:-[a-z0-9]+)+)'/g)) codes.add(m[1]);
        }
      }
    }
  };
  walk(path.join(PROJECT, 'src'));
  return codes;
}

describe('problem codes', () => {
  it('every code, with its default severity, is in the README table once, and the table has no others', () => {
    const readme = readmeCodes();
    assert.deepStrictEqual(
      [...readme].sort(),
      PROBLEM_CODES.map((c) => [c.code, c.severity]).sort(),
      'README.md "Problem codes" and src/core/lint/problemCodes.ts must list the same codes and severities',
    );
  });

  it('every problem the code can report has a code in the list, with a meaning and a fix', () => {
    const known = new Set(PROBLEM_CODES.map((c) => c.code));
    const missing = [...codesInSource()].filter((c) => !known.has(c));
    assert.deepStrictEqual(missing, [], 'add these to src/core/lint/problemCodes.ts and the README table');
    assert.strictEqual(known.size, PROBLEM_CODES.length, 'codes are unique');
    for (const c of PROBLEM_CODES) {
      assert.match(c.code, /^[a-z]+(-[a-z0-9]+)+$/);
      assert.ok(c.meaning.length > 10 && c.fix.length > 5, c.code);
    }
  });
});
