import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { commitAll, initRepo, makeTempDir } from '../fixtures/gitRepo';

/**
 * `lodestar adr new` run several times at once (two terminals, a script, a
 * make target in parallel): every record gets a number of its own.
 */
const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function adrNew(cwd: string, title: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'adr', 'new', title], {
      cwd,
      env: { ...process.env, ADR_DATE: '2026-11-21', VISUAL: '', EDITOR: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

function repoWithFirstRecord(): string {
  const dir = makeTempDir();
  initRepo(dir);
  const init = spawnSync(process.execPath, [CLI, 'adr', 'init'], { cwd: dir, encoding: 'utf8', env: { ...process.env, ADR_DATE: '2026-11-21' } });
  assert.strictEqual(init.status, 0, init.stderr);
  commitAll(dir, 'init');
  return dir;
}

/** The number each record file in the folder starts with. */
function numbersIn(dir: string): number[] {
  return fs
    .readdirSync(path.join(dir, 'doc/adr'))
    .map((n) => parseInt(/^(\d+)/.exec(n)?.[1] ?? 'NaN', 10))
    .sort((a, b) => a - b);
}

describe('lodestar adr new, several at once', () => {
  it('processes started together each get a number of their own, and each prints its own record', async () => {
    const dir = repoWithFirstRecord();
    const titles = ['Use Kafka', 'Use NATS', 'Use gRPC', 'Use Rust', 'Use Go', 'Use Postgres'];
    const runs = await Promise.all(titles.map((t) => adrNew(dir, t)));
    for (const r of runs) assert.strictEqual(r.code, 0, r.err);
    const printed = runs.map((r) => r.out.trim());
    // Distinct numbers (two that collided and both stepped back may leave a gap behind them: a gap is no harm).
    const numbers = numbersIn(dir);
    assert.strictEqual(numbers.length, 7, numbers.join(', '));
    assert.strictEqual(new Set(numbers).size, 7, numbers.join(', '));
    assert.strictEqual(new Set(printed.map((p) => p.slice(0, 12))).size, titles.length, printed.join(', '));
    for (const [i, p] of printed.entries()) {
      const text = fs.readFileSync(path.join(dir, p), 'utf8');
      const n = parseInt(/(\d{4})-/.exec(p)?.[1] ?? '', 10);
      assert.ok(text.startsWith(`# ${n}. ${titles[i]}\n`), `${p}: ${text.split('\n')[0]}`);
    }
  });

  it('the same title typed in two terminals at once: two records, two numbers, neither overwritten', async () => {
    const dir = repoWithFirstRecord();
    const runs = await Promise.all([1, 2, 3, 4].map(() => adrNew(dir, 'Use Kafka')));
    for (const r of runs) assert.strictEqual(r.code, 0, r.err);
    const numbers = numbersIn(dir);
    assert.strictEqual(new Set(numbers).size, 5, numbers.join(', '));
    const printed = runs.map((r) => r.out);
    assert.strictEqual(new Set(printed).size, 4, printed.join(''));
    for (const p of printed) assert.match(p, /^doc\/adr\/\d{4}-use-kafka\.md\n$/);
  });
});
