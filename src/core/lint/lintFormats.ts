import { Problem } from '../records/record';
import { PROBLEM_CODES, problemCode } from './problemCodes';

export type LintFormat = 'text' | 'json' | 'github' | 'sarif';
export const LINT_FORMATS: readonly LintFormat[] = ['text', 'json', 'github', 'sarif'];

/** The problems in one of the CLI's formats; paths are relative to the root with `/`. */
export function formatProblems(problems: Problem[], format: LintFormat, tool: { version: string; anchor?: string }): string {
  switch (format) {
    case 'text':
      return problems.map((p) => `${p.path}:${p.line}${p.column !== undefined ? `:${p.column}` : ''}: ${p.severity} ${p.code} ${p.message}\n`).join('');
    case 'json':
      return `${JSON.stringify({ problems }, null, 2)}\n`;
    case 'github':
      return problems.map(githubCommand).join('');
    case 'sarif':
      return `${JSON.stringify(sarifLog(problems, tool.version, tool.anchor), null, 2)}\n`;
  }
}

const GITHUB_LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

/**
 * A GitHub Actions workflow command, which the runner turns into an
 * annotation on the pull request's diff: `::error file=…,line=…,title=…::…`.
 * Escaped as the runner's toolkit does (`%`, CR, LF; and `:` `,` in properties).
 */
export function githubCommand(p: Problem): string {
  const data = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string): string => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  // A problem of the whole repository (`.`: no base to compare with) is an annotation on the run, not on a file.
  const where = p.path === '.' ? '' : `file=${prop(p.path)},line=${p.line},${p.column !== undefined ? `col=${p.column},` : ''}`;
  return `::${GITHUB_LEVEL[p.severity]} ${where}title=${prop(p.code)}::${data(p.message)}\n`;
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0 (OASIS): one run, a rule per problem code with its help text, a
 * result per problem. A problem of the whole repository (`.`) is placed on
 * `anchor` (a file, relative like the paths), since GitHub code scanning
 * refuses an upload with a result that has no location.
 */
export function sarifLog(problems: Problem[], version: string, anchor?: string): Record<string, unknown> {
  const codes = [...PROBLEM_CODES.map((c) => c.code)];
  // A code this build does not know (a newer record type) still gets a rule, so every result has one.
  for (const p of problems) if (!codes.includes(p.code)) codes.push(p.code);
  const rules = codes.map((code) => {
    const known = problemCode(code);
    const meaning = known?.meaning ?? code;
    const fix = known?.fix ?? 'See the Lodestar README.';
    return {
      id: code,
      name: code.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
      shortDescription: { text: meaning },
      fullDescription: { text: meaning },
      help: { text: `${meaning} ${fix}`, markdown: `${meaning}\n\n**Fix:** ${fix}` },
      defaultConfiguration: { level: SARIF_LEVEL[known?.severity ?? 'warning'] },
    };
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'lodestar', semanticVersion: version, version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The top folder of the repository lodestar lint was run in (outside git, its --root).' } } },
        results: problems.map((p) => ({
          ruleId: p.code,
          ruleIndex: codes.indexOf(p.code),
          level: SARIF_LEVEL[p.severity],
          message: { text: p.message },
          locations:
            p.path !== '.' || anchor !== undefined
              ? [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: relativeUri(p.path === '.' ? (anchor as string) : p.path), uriBaseId: '%SRCROOT%' },
                      region:
                        p.path !== '.' && p.column !== undefined
                          ? { startLine: Math.max(1, p.line), startColumn: p.column }
                          : { startLine: p.path === '.' ? 1 : Math.max(1, p.line) },
                    },
                  },
                ]
              : [],
        })),
      },
    ],
  };
}

/**
 * A relative path as a relative URI reference: each name percent-encoded, so
 * `#`, `?`, `%` and a `:` in the first name (which would read as a scheme)
 * stay part of the file name; `/` separates folders.
 */
export function relativeUri(path: string): string {
  return path
    .split('/')
    .map((name) => encodeURIComponent(name).replace(/%(2C|40|3D|2B|26|24|3B)/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))))
    .join('/');
}
