import * as assert from 'assert';
import { formatProblems, githubCommand, relativeUri, sarifLog } from '../../src/core/lint/lintFormats';
import { PROBLEM_CODES } from '../../src/core/lint/problemCodes';
import { Problem } from '../../src/core/records/record';

const PROBLEMS: Problem[] = [
  {
    path: 'doc/adr/0002-use-kafka.md',
    line: 1,
    severity: 'error',
    code: 'number-used-on-base',
    message: 'Decision number 2 is already used on origin/main by 0002-use-nats.md.',
  },
  { path: 'doc/adr/0003-x, y.md', line: 11, severity: 'warning', code: 'template-placeholder', message: 'Template text: 50% left\nsecond line' },
  { path: 'doc/adr/0005-z.md', line: 1, severity: 'info', code: 'number-gap', message: 'Number 4 is not used.' },
  { path: '.', line: 1, severity: 'error', code: 'base-history-missing', message: 'History is missing.' },
];

/**
 * The properties SARIF 2.1.0 (OASIS, sarif-schema-2.1.0.json) requires, and
 * the enumerations it restricts, for the objects Lodestar writes. Returns
 * what is wrong, empty when the log is valid.
 */
function sarifViolations(log: unknown): string[] {
  const bad: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const need = (o: unknown, at: string, keys: string[]): o is Record<string, unknown> => {
    if (!isObject(o)) {
      bad.push(`${at} is not an object`);
      return false;
    }
    for (const k of keys) if (!(k in o)) bad.push(`${at}.${k} is required`);
    return true;
  };
  // multiformatMessageString and message: `text` (message: text or id).
  const message = (m: unknown, at: string, multiformat = false): void => {
    if (m === undefined) return; // reported as required
    if (!isObject(m)) return void bad.push(`${at} is not an object`);
    if (multiformat ? typeof m.text !== 'string' : typeof m.text !== 'string' && typeof m.id !== 'string') bad.push(`${at}.text is required`);
  };
  if (!need(log, 'sarifLog', ['version', 'runs'])) return bad;
  if (log.version !== '2.1.0') bad.push('sarifLog.version must be "2.1.0"');
  if (!Array.isArray(log.runs)) return [...bad, 'sarifLog.runs must be an array'];
  log.runs.forEach((run: unknown, r: number) => {
    if (!need(run, `runs[${r}]`, ['tool'])) return;
    if (!need(run.tool, `runs[${r}].tool`, ['driver'])) return;
    const driver = (run.tool as Record<string, unknown>).driver;
    if (!need(driver, 'tool.driver', ['name'])) return;
    const rules = (driver.rules ?? []) as unknown[];
    if (!Array.isArray(rules)) bad.push('tool.driver.rules must be an array');
    const ids = new Set<string>();
    rules.forEach((rule, i) => {
      if (!need(rule, `rules[${i}]`, ['id'])) return;
      if (typeof rule.id !== 'string') bad.push(`rules[${i}].id must be a string`);
      if (ids.has(String(rule.id))) bad.push(`rules[${i}].id ${String(rule.id)} is not unique`);
      ids.add(String(rule.id));
      for (const k of ['shortDescription', 'fullDescription', 'help']) if (k in rule) message(rule[k], `rules[${i}].${k}`, true);
      const level = (rule.defaultConfiguration as Record<string, unknown> | undefined)?.level;
      if (level !== undefined && !['none', 'note', 'warning', 'error'].includes(String(level)))
        bad.push(`rules[${i}].defaultConfiguration.level ${String(level)}`);
    });
    const results = run.results as unknown[] | undefined;
    if (results !== undefined && !Array.isArray(results)) return void bad.push('results must be an array');
    (results ?? []).forEach((res, i) => {
      if (!need(res, `results[${i}]`, ['message'])) return;
      message(res.message, `results[${i}].message`);
      if (res.level !== undefined && !['none', 'note', 'warning', 'error'].includes(String(res.level))) bad.push(`results[${i}].level ${String(res.level)}`);
      if (res.ruleIndex !== undefined) {
        const rule = rules[Number(res.ruleIndex)] as Record<string, unknown> | undefined;
        if (!Number.isInteger(res.ruleIndex) || !rule) bad.push(`results[${i}].ruleIndex points at no rule`);
        else if (res.ruleId !== undefined && rule.id !== res.ruleId) bad.push(`results[${i}].ruleId and ruleIndex disagree`);
      }
      ((res.locations ?? []) as unknown[]).forEach((loc, j) => {
        if (!isObject(loc)) return void bad.push(`results[${i}].locations[${j}] is not an object`);
        const phys = loc.physicalLocation;
        if (phys === undefined) return;
        // physicalLocation: anyOf address / artifactLocation.
        if (!isObject(phys) || (!('artifactLocation' in phys) && !('address' in phys)))
          return void bad.push(`results[${i}].locations[${j}].physicalLocation needs artifactLocation`);
        const uri = (phys.artifactLocation as Record<string, unknown>).uri;
        if (uri !== undefined && (typeof uri !== 'string' || /\s|\\/.test(uri))) bad.push(`results[${i}] uri ${String(uri)} is not a URI reference`);
        const region = phys.region as Record<string, unknown> | undefined;
        if (region && (!Number.isInteger(region.startLine) || Number(region.startLine) < 1)) bad.push(`results[${i}] startLine must be an integer ≥ 1`);
      });
    });
  });
  return bad;
}

describe('lint formats', () => {
  it('text: one `path:line: severity code message` line per problem', () => {
    assert.strictEqual(
      formatProblems(PROBLEMS.slice(0, 1), 'text', { version: '1.2.3' }),
      'doc/adr/0002-use-kafka.md:1: error number-used-on-base Decision number 2 is already used on origin/main by 0002-use-nats.md.\n',
    );
  });

  it('json: the `lint --json` contract, unchanged', () => {
    assert.deepStrictEqual(JSON.parse(formatProblems(PROBLEMS, 'json', { version: '1' })), { problems: PROBLEMS });
  });

  it('github: workflow commands by severity, escaped as the runner expects; a repository-wide problem has no file', () => {
    assert.deepStrictEqual(formatProblems(PROBLEMS, 'github', { version: '1' }).split('\n'), [
      '::error file=doc/adr/0002-use-kafka.md,line=1,title=number-used-on-base::Decision number 2 is already used on origin/main by 0002-use-nats.md.',
      '::warning file=doc/adr/0003-x%2C y.md,line=11,title=template-placeholder::Template text: 50%25 left%0Asecond line',
      '::notice file=doc/adr/0005-z.md,line=1,title=number-gap::Number 4 is not used.',
      '::error title=base-history-missing::History is missing.',
      '',
    ]);
    assert.strictEqual(githubCommand({ ...PROBLEMS[0], path: 'a:b.md' }).startsWith('::error file=a%3Ab.md,'), true);
  });

  it('sarif: valid SARIF 2.1.0, one rule per problem code with help, results with ruleId, level and location', () => {
    const log = JSON.parse(formatProblems(PROBLEMS, 'sarif', { version: '1.2.3' })) as {
      runs: { tool: { driver: { name: string; version: string; rules: { id: string; help: { text: string } }[] } }; results: Record<string, unknown>[] }[];
    };
    assert.deepStrictEqual(sarifViolations(log), []);
    const [run] = log.runs;
    assert.strictEqual(run.tool.driver.name, 'lodestar');
    assert.strictEqual(run.tool.driver.version, '1.2.3');
    assert.deepStrictEqual(
      run.tool.driver.rules.map((r) => r.id),
      PROBLEM_CODES.map((c) => c.code),
    );
    for (const rule of run.tool.driver.rules) assert.ok(rule.help.text.length > 20, rule.id);
    assert.deepStrictEqual(run.results[1], {
      ruleId: 'template-placeholder',
      ruleIndex: PROBLEM_CODES.findIndex((c) => c.code === 'template-placeholder'),
      level: 'warning',
      message: { text: 'Template text: 50% left\nsecond line' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'doc/adr/0003-x,%20y.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 11 } } }],
    });
    assert.strictEqual(run.results[2].level, 'note');
    assert.deepStrictEqual(run.results[3].locations, []);
  });

  it('a problem about one front-matter value has its column: path:line:column in text, col= for GitHub, startColumn in SARIF', () => {
    const stale: Problem = { path: 'doc/adr/0006-x.md', line: 4, column: 5, severity: 'warning', code: 'stale-applies-to', message: 'm' };
    assert.strictEqual(formatProblems([stale], 'text', { version: '1' }), 'doc/adr/0006-x.md:4:5: warning stale-applies-to m\n');
    assert.strictEqual(githubCommand(stale), '::warning file=doc/adr/0006-x.md,line=4,col=5,title=stale-applies-to::m\n');
    const log = sarifLog([stale], '1') as { runs: { results: { locations: unknown }[] }[] };
    assert.deepStrictEqual(sarifViolations(log), []);
    assert.deepStrictEqual((log.runs[0].results[0].locations as { physicalLocation: { region: unknown } }[])[0].physicalLocation.region, {
      startLine: 4,
      startColumn: 5,
    });
    assert.deepStrictEqual(JSON.parse(formatProblems([stale], 'json', { version: '1' })).problems[0].column, 5);
  });

  it('sarif: a problem of the whole repository is placed on the anchor file, as GitHub code scanning needs a location on every result', () => {
    const log = sarifLog(PROBLEMS, '1', 'doc/adr/0001-record architecture decisions.md') as { runs: { results: { ruleId: string; locations: unknown[] }[] }[] };
    assert.deepStrictEqual(sarifViolations(log), []);
    assert.ok(log.runs[0].results.every((r) => r.locations.length === 1));
    assert.deepStrictEqual(log.runs[0].results[3].locations, [
      {
        physicalLocation: { artifactLocation: { uri: 'doc/adr/0001-record%20architecture%20decisions.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } },
      },
    ]);
  });

  it('sarif: a code this build does not know still gets a rule', () => {
    const log = sarifLog([{ path: 'a.md', line: 1, severity: 'warning', code: 'from-the-future', message: 'x' }], '1') as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleIndex: number }[] }[];
    };
    assert.deepStrictEqual(sarifViolations(log), []);
    assert.strictEqual(log.runs[0].tool.driver.rules[log.runs[0].results[0].ruleIndex].id, 'from-the-future');
  });

  it('the SARIF check itself catches what the schema forbids', () => {
    assert.deepStrictEqual(sarifViolations({ version: '2.0.0', runs: [{ tool: { driver: {} }, results: [{ level: 'fatal' }] }] }), [
      'sarifLog.version must be "2.1.0"',
      'tool.driver.name is required',
      'results[0].message is required',
      'results[0].level fatal',
    ]);
    assert.deepStrictEqual(
      sarifViolations({
        version: '2.1.0',
        runs: [{ tool: { driver: { name: 'x', rules: [{ id: 'a' }] } }, results: [{ level: 'fatal', message: {}, ruleIndex: 3 }] }],
      }),
      ['results[0].message.text is required', 'results[0].level fatal', 'results[0].ruleIndex points at no rule'],
    );
  });
  it('github: every character the runner reads is escaped — % CR LF in the message; those and : , in file and title', () => {
    const line = githubCommand({ path: 'doc/50% a:b,c.md', line: 3, severity: 'warning', code: 'ADR-0004 Use gRPC: yes, now', message: 'a%b\r\nc: d, e::f' });
    assert.strictEqual(line, '::warning file=doc/50%25 a%3Ab%2Cc.md,line=3,title=ADR-0004 Use gRPC%3A yes%2C now::a%25b%0D%0Ac: d, e::f\n');
    // Read back as the runner does (properties split on , and =, then unescaped): the original text.
    const m = /^::(\w+) (.*?)::(.*)\n$/.exec(line);
    assert.ok(m);
    const unescape = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
    const props = Object.fromEntries(m[2].split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), unescape(kv.slice(kv.indexOf('=') + 1))]));
    assert.deepStrictEqual(props, { file: 'doc/50% a:b,c.md', line: '3', title: 'ADR-0004 Use gRPC: yes, now' });
    assert.strictEqual(unescape(m[3]), 'a%b\r\nc: d, e::f');
  });

  it('sarif: artifactLocation.uri is a relative reference with /, each name percent-encoded so # ? % and a leading a: stay in it', () => {
    assert.strictEqual(relativeUri('doc/adr/0001-use-kafka.md'), 'doc/adr/0001-use-kafka.md');
    assert.strictEqual(relativeUri('docs/our decisions/0001-x, y.md'), 'docs/our%20decisions/0001-x,%20y.md');
    assert.strictEqual(relativeUri('c:x/0001-a#b?50%.md'), 'c%3Ax/0001-a%23b%3F50%25.md');
    for (const p of ['docs/our decisions/0001-a#b?.md', 'c:x/ü/0002-é.md']) {
      const url = new URL(relativeUri(p), 'file:///repo/');
      assert.strictEqual(decodeURIComponent(url.pathname), `/repo/${p}`);
      assert.deepStrictEqual([url.search, url.hash], ['', '']);
    }
  });
});
