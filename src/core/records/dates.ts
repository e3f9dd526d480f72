/** Reads the date forms found in real records into `YYYY-MM-DD`, or null. */
export function normaliseDate(raw: string | undefined | null): string | null {
  if (!raw) return null;
  const s = raw.trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  // Older adr-tools wrote `date +%d/%m/%Y`; read day first unless that cannot be a month.
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) return +m[2] > 12 ? isoDate(+m[3], +m[1], +m[2]) : isoDate(+m[3], +m[2], +m[1]);
  // "12 March 2021", "March 12, 2021"
  const parsed = /[A-Za-z]/.test(s) && /\d{4}/.test(s) ? new Date(`${s} UTC`) : undefined;
  if (parsed && !isNaN(parsed.getTime())) return parsed.toISOString().slice(0, 10);
  return null;
}

function isoDate(y: number, mo: number, d: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `20200115-some-title.md` → `2020-01-15`, as log4brains names its records. */
export function dateFromFileName(name: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})-/.exec(name);
  return m ? isoDate(+m[1], +m[2], +m[3]) : null;
}
