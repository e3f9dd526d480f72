/** Reads the date forms found in real records into `YYYY-MM-DD`, or null. */
export function normaliseDate(raw: string | undefined | null): string | null {
  if (!raw) return null;
  // The common case, `2024-03-01` exactly, without a regular expression.
  if (raw.length === 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45) {
    const y = digits(raw, 0, 4);
    const mo = digits(raw, 5, 7);
    const d = digits(raw, 8, 10);
    if (y >= 0 && mo >= 0 && d >= 0) return isoDate(y, mo, d) === null ? null : raw;
  }
  // `[2022-10-05]`: MADR 2's template writes `Date: [YYYY-MM-DD …]`, and people fill it in keeping the brackets;
  // `[2023-03-15](https://…/commit/…)`: the date as a link to where the decision was made.
  const s = raw
    .trim()
    .replace(/^\[([^\]]*)\](?:\([^)]*\))?$/, '$1')
    .trim();
  // `2018-08-30; Last update date: 2019-04-09`, `2018-08-30 (revised)`: the date the line opens with.
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d|[-/.]\d)/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  // `2025年7月3日` (then `（木）`, the day of the week), as records written in Japanese and Chinese date themselves.
  m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  // Older adr-tools wrote `date +%d/%m/%Y`; read day first unless that cannot be a month.
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) return +m[2] > 12 ? isoDate(+m[3], +m[1], +m[2]) : isoDate(+m[3], +m[2], +m[1]);
  // "12 March 2021", "March 12, 2021": a month name, a day and a year, nothing vaguer.
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return isoDate(+m[3], MONTHS.indexOf(m[2].toLowerCase().slice(0, 3)) + 1, +m[1]);
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return isoDate(+m[3], MONTHS.indexOf(m[1].toLowerCase().slice(0, 3)) + 1, +m[2]);
  // `16 de julho de 2026`, `1. Juli 2026`, `1er juillet 2026`: the day, a month named in German, French, Spanish or
  // Portuguese, and the year, as records written in those languages date themselves.
  m = TRANSLATED_DAY_MONTH_YEAR.exec(s);
  const month = m ? TRANSLATED_MONTHS.get(m[2].normalize('NFC').toLowerCase()) : undefined;
  return m && month !== undefined ? isoDate(+m[3], month, +m[1]) : null;
}

/** The months' names in German, French, Spanish and Portuguese (lower case, NFC) → 1–12. */
const TRANSLATED_MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['januar', 'janvier', 'enero', 'janeiro'],
    ['februar', 'février', 'febrero', 'fevereiro'],
    ['märz', 'mars', 'marzo', 'março'],
    ['april', 'avril', 'abril'],
    ['mai', 'mayo', 'maio'],
    ['juni', 'juin', 'junio', 'junho'],
    ['juli', 'juillet', 'julio', 'julho'],
    ['august', 'août', 'agosto'],
    ['september', 'septembre', 'septiembre', 'setembro'],
    ['oktober', 'octobre', 'octubre', 'outubro'],
    ['november', 'novembre', 'noviembre', 'novembro'],
    ['dezember', 'décembre', 'diciembre', 'dezembro'],
  ].flatMap((names, i) => names.map((n): [string, number] => [n, i + 1])),
);
const TRANSLATED_DAY_MONTH_YEAR = /^(\d{1,2})(?:\.|er|º)?\s+(?:de\s+)?(\p{L}+)\.?\s+(?:de\s+)?(\d{4})$/iu;

/** The first `YYYY-MM-DD` (or `YYYY/MM/DD`) written in a line of prose: `Accepted on 2026-08-31.` → `2026-08-31`. */
export function dateInText(text: string): string | null {
  const m = /(?:^|[^\d])(\d{4})([-/])(\d{2})\2(\d{2})(?!\d)/.exec(text);
  return m ? isoDate(+m[1], +m[3], +m[4]) : null;
}

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})$`, 'i');
const MONTH_DAY_YEAR = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'i');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The number written by the ASCII digits in `s[start, end)`, or -1. */
export function digits(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** True when year `y`, month `mo` (1–12) and day `d` name a real calendar day. */
export function isCalendarDay(y: number, mo: number, d: number): boolean {
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS_IN_MONTH[mo - 1] + (leap ? 1 : 0);
}

function isoDate(y: number, mo: number, d: number): string | null {
  if (!isCalendarDay(y, mo, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `20200115-some-title.md` → `2020-01-15`, as log4brains names its records. */
export function dateFromFileName(name: string): string | null {
  // `20200101-use-kafka.md` (log4brains), and with the time of day after it (`202609271801-use-x.md`, `…180130-…`).
  const m = /^(\d{4})(\d{2})(\d{2})(?:(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?)?-/.exec(name);
  return m ? isoDate(+m[1], +m[2], +m[3]) : null;
}
