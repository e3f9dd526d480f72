import * as assert from 'assert';
import { rebuildOnTrust } from '../../src/vscode/support/trustGrant';

/** A stand-in for vscode.workspace.onDidGrantWorkspaceTrust: an event that fires when told. */
function fakeEvent(): { event: (listener: () => void) => { dispose(): void }; fire(): void; listeners: number } {
  const listeners = new Set<() => void>();
  return {
    event: (listener) => {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
    fire: () => listeners.forEach((l) => l()),
    get listeners() {
      return listeners.size;
    },
  };
}

const settled = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('rebuilding what Restricted Mode left empty once the workspace is trusted', () => {
  it('nothing runs until trust is granted; then every rebuild runs, and one that fails is logged without stopping the others', async () => {
    const grant = fakeEvent();
    const ran: string[] = [];
    const log: string[] = [];
    const subscription = rebuildOnTrust(
      grant.event,
      {
        governance: () => ran.push('governance'),
        branches: () => Promise.reject(new Error('git is not installed')),
        pairing: () => ran.push('pairing'),
      },
      (line) => log.push(line),
    );
    await settled();
    assert.deepStrictEqual(ran, []);
    grant.fire();
    await settled();
    assert.deepStrictEqual(ran, ['governance', 'pairing']);
    assert.deepStrictEqual(log, ['Could not read branches again once the workspace was trusted: git is not installed']);
    subscription.dispose();
    assert.strictEqual(grant.listeners, 0, 'disposing stops listening');
  });
});
