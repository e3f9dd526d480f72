// Progress lines, so a long first run (apt-get, code-server install) never looks stuck.
export function step(message: string): void {
  console.log(`[harness] ${message}`);
}

/** The last `lines` lines of a log, for failure messages. */
export function tail(text: string, lines = 30): string {
  return text.split('\n').slice(-lines).join('\n');
}
