import * as assert from 'assert';
import { httpGet as get, lodestar } from './support';

describe('Preview Decision Site', () => {
  it('builds the site of the workspace and serves it on 127.0.0.1', async () => {
    await lodestar();
    const vscode = await import('vscode');
    const url = await vscode.commands.executeCommand<string>('lodestar.previewDecisionSite', { open: false });
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const index = await get(url);
    assert.strictEqual(index.status, 200);
    assert.match(index.body, /<a href="doc\/adr\/0002-use-postgresql\.html"><span class="num">0002<\/span> <span class="title">Use PostgreSQL<\/span><\/a>/);
    assert.match(index.csp, /default-src 'none'/);
    const page = await get(`${url}doc/adr/0002-use-postgresql.html`);
    assert.strictEqual(page.status, 200);
    assert.match(page.body, /<h1><span class="num">0002<\/span> Use PostgreSQL<\/h1>/);
    // Mentoring notes are never published.
    assert.doesNotMatch(index.body, /mentoring/);
    assert.strictEqual((await get(`${url}../../etc/passwd`)).status, 404);
  });
});
