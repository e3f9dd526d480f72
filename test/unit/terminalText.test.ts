import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { forTerminal, terminalSafe } from '../../src/cli/terminalText';
import { main } from '../../src/cli/main';
import { buildRepo } from '../fixtures/gitRepo';
import { nygardAdr } from '../fixtures/recordText';

/** A stream that says it is a terminal and keeps what is written to it. */
function fakeTerminal(): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY: true, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('text for a terminal', () => {
  it('shows control characters instead of sending them: caret notation for C0 and DEL, \\u for C1; tab and newline stay', () => {
    assert.strictEqual(terminalSafe('plain\ttext\n'), 'plain\ttext\n');
    assert.strictEqual(terminalSafe('a\u001b]52;c;aGk=\u0007b'), 'a^[]52;c;aGk=^Gb');
    assert.strictEqual(terminalSafe('x\ry\bz\u007f'), 'x^My^Hz^?');
    assert.strictEqual(terminalSafe('\u009b31mred'), '\\u009b31mred');
    assert.strictEqual(terminalSafe('Café ’quoted’ 🚀'), 'Café ’quoted’ 🚀');
  });

  it('a terminal gets the titles of records made safe; a pipe gets them as written', async () => {
    const title = 'Use Kafka \u001b]52;c;aGVsbG8=\u0007now';
    const root = buildRepo({ 'doc/adr/0001-use-kafka.md': nygardAdr({ number: 1, title }) });
    const terminal = fakeTerminal();
    const code = await main(['index', '--root', root], forTerminal(terminal.stream), forTerminal(fakeTerminal().stream));
    assert.strictEqual(code, 0);
    const shown = terminal.written.join('');
    assert.match(shown, /Use Kafka \^\[\]52;c;aGVsbG8=\^Gnow/);
    assert.doesNotMatch(shown, /\u001b/);
    const piped = execFileSync(process.execPath, [require.resolve('../../src/cli/main'), 'index', '--root', root], { encoding: 'utf8' });
    assert.ok(piped.includes(title), 'a pipe gets the bytes as written');
  });

  it('leaves a stream that is not a terminal as it is', () => {
    const stream = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
    assert.strictEqual(forTerminal(stream), stream);
  });
});
