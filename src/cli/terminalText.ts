/**
 * Text bound for a terminal carries no control characters but tab and
 * newline: a record title or a commit subject holding an escape sequence
 * (`ESC ] 52 ; …` writes the clipboard, others move the cursor, retitle
 * the window or hide text) is shown, not obeyed. C0 characters and DEL are
 * shown in caret notation (`^[`, `^M`, `^?`), C1 ones as `\u009b`. Only
 * output to a terminal is changed: a pipe or a file gets the bytes as
 * written (JSON escapes C0 characters itself).
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function terminalSafe(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROLS, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return `^${String.fromCharCode(code + 64)}`;
    if (code === 0x7f) return '^?';
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** `stream` itself when it is not a terminal; else a stream whose writes go through {@link terminalSafe}. */
export function forTerminal(stream: NodeJS.WriteStream): NodeJS.WritableStream {
  if (!stream.isTTY) return stream;
  const safe = {
    write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      return (stream.write as (c: string, ...r: unknown[]) => boolean)(terminalSafe(text), ...rest);
    },
  };
  return safe as unknown as NodeJS.WritableStream;
}
