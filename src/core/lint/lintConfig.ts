import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { Problem, Severity } from '../records/record';
import { PROBLEM_CODES, problemCode } from './problemCodes';
import { expandBraces, globSegmentsRegex, GlobSyntaxError } from '../records/globSyntax';

/** The repository's `.lodestar.yml`: severities per rule, rules switched off, paths left out. */
export interface LintConfig {
  /** Code → its severity here, or `off`. */
  rules: Map<string, Severity | 'off'>;
  /** Globs, relative to the root with `/`: problems of matching paths are not reported. */
  ignore: string[];
}

export const LINT_CONFIG_FILE = '.lodestar.yml';
export const EMPTY_LINT_CONFIG: LintConfig = { rules: new Map(), ignore: [] };

const TOP_KEYS = ['rules', 'ignore'];
const LEVELS = ['error', 'warning', 'info', 'off'];

/** A configuration Lodestar cannot follow: the message names the file, the line and what to write instead. */
export class LintConfigError extends Error {}

/**
 * Reads `.lodestar.yml`:
 *
 * ```yaml
 * rules:
 *   number-gap: off          # error | warning | info | off
 *   empty-section: error
 * ignore:
 *   - docs/adr/archive/**
 * ```
 *
 * Anything else — an unknown key, an unknown rule, a severity that is not one
 * of the four — is a {@link LintConfigError}, so a typo never silently does nothing.
 */
export function parseLintConfig(text: string, file = LINT_CONFIG_FILE): LintConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, uniqueKeys: true });
  const at = (node: unknown): string => {
    const range = (node as { range?: [number, number] } | undefined)?.range;
    return `${file}:${range ? lines.linePos(range[0]).line : 1}`;
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    throw new LintConfigError(`${file}:${e.linePos?.[0].line ?? 1}: not valid YAML: ${e.message.split('\n')[0]}`);
  }
  const config: LintConfig = { rules: new Map(), ignore: [] };
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) return config;
  if (!isMap(doc.contents)) throw new LintConfigError(`${at(doc.contents)}: expected a mapping with the keys ${TOP_KEYS.join(', ')}.`);
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    if (key === 'rules') {
      if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) continue;
      if (!isMap(pair.value)) throw new LintConfigError(`${at(pair.value)}: "rules" maps problem codes to error, warning, info or off.`);
      for (const rule of pair.value.items) {
        const code = isScalar(rule.key) ? String(rule.key.value) : String(rule.key);
        if (!problemCode(code)) {
          throw new LintConfigError(`${at(rule.key)}: unknown rule "${code}". Known rules: ${PROBLEM_CODES.map((c) => c.code).join(', ')}.`);
        }
        // YAML 1.1 readers turn a bare `off` into false; accept that spelling too.
        const raw = isScalar(rule.value) ? rule.value.value : undefined;
        const level = raw === false ? 'off' : typeof raw === 'string' ? raw.toLowerCase() : undefined;
        if (!level || !LEVELS.includes(level)) {
          throw new LintConfigError(
            `${at(rule.value ?? rule.key)}: the severity of "${code}" must be one of ${LEVELS.join(', ')} (got ${JSON.stringify(raw ?? null)}).`,
          );
        }
        config.rules.set(code, level as Severity | 'off');
      }
    } else if (key === 'ignore') {
      if (pair.value === null || (isScalar(pair.value) && pair.value.value === null)) continue;
      if (!isSeq(pair.value)) throw new LintConfigError(`${at(pair.value)}: "ignore" is a list of paths or globs, relative to the repository root.`);
      for (const item of pair.value.items) {
        const glob = isScalar(item) && typeof item.value === 'string' ? item.value.trim() : '';
        if (glob === '') throw new LintConfigError(`${at(item)}: each "ignore" entry is a path or glob such as docs/adr/archive/**.`);
        try {
          globToRegExp(glob);
        } catch (e) {
          if (e instanceof GlobSyntaxError) throw new LintConfigError(`${at(item)}: the "ignore" glob cannot be used: ${e.message}`);
          throw e;
        }
        config.ignore.push(glob.replace(/^\.\//, ''));
      }
    } else {
      throw new LintConfigError(`${at(pair.key)}: unknown key "${key}". ${LINT_CONFIG_FILE} takes ${TOP_KEYS.join(' and ')}.`);
    }
  }
  return config;
}

/**
 * Problems as the configuration wants them: severities changed, rules that
 * are off and ignored paths dropped. Paths are relative to the root.
 */
export function applyLintConfig(problems: Problem[], config: LintConfig): Problem[] {
  const ignored = config.ignore.map(globToRegExp);
  const out: Problem[] = [];
  for (const p of problems) {
    if (ignored.some((re) => re.test(p.path))) continue;
    const level = config.rules.get(p.code);
    if (level === 'off') continue;
    out.push(level ? { ...p, severity: level } : p);
  }
  return out;
}

/**
 * A glob as git and most tools read one: `**` any folders, `*` and `?`
 * within one name, `[a-z]`/`[!a-z]` one character of a class, `{a,b}`
 * either alternative, `\` making the next character text (the syntax of
 * `applies-to`). A pattern without `/` but at its end matches a name at any
 * depth; one with a `/` (a leading one included) is relative to the root. A
 * folder matches everything under it. Throws a {@link GlobSyntaxError} that
 * says what is wrong (a range written backwards, too many alternatives).
 */
export function globToRegExp(glob: string): RegExp {
  const alternatives = expandBraces(glob.trim()).map((alternative) => {
    let p = alternative;
    while (p.startsWith('./')) p = p.slice(2);
    const anchored = p.replace(/\/+$/, '').includes('/');
    p = p
      .replace(/^\/+/, '')
      .replace(/\/+$/, '')
      .replace(/\/{2,}/g, '/');
    if (p === '') throw new GlobSyntaxError(`"${glob}" names no path.`);
    const body = globSegmentsRegex(p.split('/'), glob);
    return anchored || p.startsWith('**/') ? body : `(?:.*/)?${body}`;
  });
  return new RegExp(`^(?:${alternatives.join('|')})(?:/.*)?$`);
}
