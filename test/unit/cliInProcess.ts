import { Writable } from 'stream';
import { main } from '../../src/cli/main';

/** Runs the CLI's `main` in this process, as `dist/cli.js` would, collecting what it writes. */
export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (write: (s: string) => void): Writable =>
    new Writable({
      write(chunk: Buffer | string, _enc, done) {
        write(chunk.toString());
        done();
      },
    });
  const code = await main(
    args,
    sink((s) => (stdout += s)),
    sink((s) => (stderr += s)),
  );
  return { code, stdout, stderr };
}
