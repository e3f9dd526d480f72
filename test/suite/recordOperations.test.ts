import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ShownGraph } from '../../src/vscode/webview/decisionGraphPanel';
import { nygardAdr } from '../fixtures/recordText';
import { child, eventually, labels, lodestar, messagesShownBy, workspaceRoot } from './support';

// Each test starts from the fixture (records 1–6, 3 superseded by 4; the colleague's branch claims 5) and
// creates what else it needs.

/** Drafts 0007 "Use Redis for sessions" (proposed) and links 0004 to it as "Amends" / "Amended by". */
async function redisAmendedByGrpc(): Promise<string> {
  const adr = path.join(workspaceRoot(), 'doc/adr');
  const redis = (await vscode.commands.executeCommand('lodestar.newDecision', { title: 'Use Redis for sessions', status: 'proposed' })) as string;
  assert.strictEqual(redis, path.join(adr, '0007-use-redis-for-sessions.md'));
  const linked = await vscode.commands.executeCommand('lodestar.linkDecisions', {
    path: path.join(adr, '0004-use-grpc-for-internal-apis.md'),
    target: redis,
    verb: 'Amends',
    reverse: 'Amended by',
  });
  assert.strictEqual(linked, true);
  return redis;
}

describe('Rename Title', () => {
  it('changes the title line, renames the file after it, and rewrites the links to it', async () => {
    const { trees } = await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    await redisAmendedByGrpc();
    const grpc = path.join(adr, '0004-use-grpc-for-internal-apis.md');
    const moved = (await vscode.commands.executeCommand('lodestar.renameTitle', { path: grpc, title: 'Use gRPC between services' })) as string;
    assert.strictEqual(moved, path.join(adr, '0004-use-grpc-between-services.md'));
    assert.ok(!fs.existsSync(grpc));
    assert.match(fs.readFileSync(moved, 'utf8'), /^# 4\. Use gRPC between services\n/);
    // The record it superseded, and the one it amends, link to the new name with the new title.
    assert.match(
      fs.readFileSync(path.join(adr, '0003-use-rest-for-internal-apis.md'), 'utf8'),
      /Superceded by \[4\. Use gRPC between services\]\(0004-use-grpc-between-services\.md\)/,
    );
    assert.match(
      fs.readFileSync(path.join(adr, '0007-use-redis-for-sessions.md'), 'utf8'),
      /Amended by \[4\. Use gRPC between services\]\(0004-use-grpc-between-services\.md\)/,
    );
    assert.ok((await labels(trees.decisions, await child(trees.decisions, 'Accepted (3)'))).includes('0004 Use gRPC between services'));
  });

  it('an empty title changes nothing', async () => {
    await lodestar();
    const file = path.join(workspaceRoot(), 'doc/adr/0002-use-postgresql.md');
    const before = fs.readFileSync(file, 'utf8');
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.renameTitle', { path: file, title: '  ' }), undefined);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), before);
  });
});

describe('Supersede', () => {
  it('adds no second link when the older record already says Superseded by a link to the same file, whatever its text', async () => {
    const { records } = await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    const rest = path.join(adr, '0003-use-rest-for-internal-apis.md');
    const grpc = path.join(adr, '0004-use-grpc-for-internal-apis.md');
    const [restBefore, grpcBefore] = [fs.readFileSync(rest, 'utf8'), fs.readFileSync(grpc, 'utf8')];
    try {
      fs.writeFileSync(rest, restBefore.replace('[4. Use gRPC for internal APIs](', '[An older title]('));
      await records.refreshPaths([rest]);
      const older = fs.readFileSync(rest, 'utf8');
      assert.match(older, /\[An older title\]\(0004-use-grpc-for-internal-apis\.md\)/);
      assert.strictEqual(await vscode.commands.executeCommand('lodestar.supersedeDecision', { path: rest, by: grpc }), true);
      assert.strictEqual(fs.readFileSync(rest, 'utf8'), older, 'the older record is unchanged');
      assert.strictEqual(fs.readFileSync(grpc, 'utf8'), grpcBefore, 'the newer one already says Supersedes');
    } finally {
      fs.writeFileSync(rest, restBefore);
      fs.writeFileSync(grpc, grpcBefore);
      await records.refreshPaths([rest, grpc]);
    }
  });
});

describe('Show Decision Graph', () => {
  it('opens a picture of the folder: every record, supersede and link arcs, a strict CSP', async () => {
    await lodestar();
    await redisAmendedByGrpc();
    const shown = (await vscode.commands.executeCommand('lodestar.showDecisionGraph')) as ShownGraph;
    assert.ok(shown.panel.visible, 'the graph panel is shown');
    const labelsShown = shown.graph.nodes.map((n) => n.label);
    assert.ok(labelsShown.includes('0004 Use gRPC for internal APIs') && labelsShown.includes('0005 Adopt feature flags'), labelsShown.join(' | '));
    const id = (label: string): string => shown.graph.nodes.find((n) => n.label === label)!.id;
    assert.ok(
      shown.graph.edges.some(
        (e) => e.from === id('0004 Use gRPC for internal APIs') && e.to === id('0003 Use REST for internal APIs') && e.kind === 'supersedes',
      ),
    );
    assert.ok(
      shown.graph.edges.some((e) => e.from === id('0004 Use gRPC for internal APIs') && e.to === id('0007 Use Redis for sessions') && e.kind === 'amends'),
    );
    // One arc per pair, not one per side.
    assert.strictEqual(shown.graph.edges.filter((e) => e.kind === 'supersedes' && e.to === id('0003 Use REST for internal APIs')).length, 1);
    assert.match(shown.html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*script-src 'nonce-[A-Za-z0-9]+'/);
    assert.match(shown.html, /<svg [^>]*class="decision-graph"/);
    assert.match(shown.html, />0004 Use gRPC for internal APIs</);
    shown.panel.dispose();
  });

  it('draws a link written as text (`Amends ADR-0002`) as an arc, as the index resolves it', async () => {
    await lodestar();
    const file = path.join(workspaceRoot(), 'doc/adr/0007-pool-database-connections.md');
    fs.writeFileSync(file, nygardAdr({ number: 7, title: 'Pool database connections', statusLines: ['Amends ADR-0002'] }));
    const shown = (await vscode.commands.executeCommand('lodestar.showDecisionGraph')) as ShownGraph;
    try {
      await eventually(async () => {
        const now = (await vscode.commands.executeCommand('lodestar.showDecisionGraph')) as ShownGraph;
        const id = (label: string): string | undefined => now.graph.nodes.find((n) => n.label === label)?.id;
        const from = id('0007 Pool database connections');
        assert.ok(from, now.graph.nodes.map((n) => n.label).join(' | '));
        assert.ok(
          now.graph.edges.some((e) => e.from === from && e.to === id('0002 Use PostgreSQL') && e.kind === 'amends'),
          JSON.stringify(now.graph.edges),
        );
      });
    } finally {
      shown.panel.dispose();
      fs.rmSync(file, { force: true });
    }
  });

  it('an open graph redraws when a record is added or renumbered', async () => {
    await lodestar();
    const shown = (await vscode.commands.executeCommand('lodestar.showDecisionGraph')) as ShownGraph;
    try {
      assert.doesNotMatch(shown.panel.webview.html, /Use Kafka for events/);
      const file = path.join(workspaceRoot(), 'doc/adr/0007-use-kafka-for-events.md');
      fs.writeFileSync(file, nygardAdr({ number: 7, title: 'Use Kafka for events' }));
      await eventually(() => assert.match(shown.panel.webview.html, />0007 Use Kafka for events</));
      const moved = (await vscode.commands.executeCommand('lodestar.renumberDecision', { path: file, number: 9 })) as string;
      assert.ok(moved?.endsWith('0009-use-kafka-for-events.md'), moved);
      shown.panel.reveal();
      await eventually(() => {
        assert.match(shown.panel.webview.html, />0009 Use Kafka for events</);
        assert.doesNotMatch(shown.panel.webview.html, />0007 Use Kafka for events</);
      });
    } finally {
      shown.panel.dispose();
    }
  });
});

/** The error notifications shown while `fn` runs. */
async function errorsShownBy<T>(fn: () => PromiseLike<T>): Promise<{ result: T; errors: string[] }> {
  const { result, messages } = await messagesShownBy('showErrorMessage', fn);
  return { result, errors: messages };
}

describe('Renumber to a chosen number', () => {
  it('refuses a number another record here or on another branch uses, as lodestar adr renumber --to does, and changes nothing', async () => {
    await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    const postgres = path.join(adr, '0002-use-postgresql.md');
    const flags = path.join(adr, '0005-adopt-feature-flags.md');
    const postgresBefore = fs.readFileSync(postgres, 'utf8');

    const here = await errorsShownBy(() => vscode.commands.executeCommand('lodestar.renumberDecision', { path: postgres, number: 5 }));
    assert.strictEqual(here.result, undefined);
    assert.deepStrictEqual(here.errors, ['Lodestar: number 5 is already used by 0005-adopt-feature-flags.md; nothing was changed.']);
    assert.strictEqual(fs.readFileSync(postgres, 'utf8'), postgresBefore);

    // 5 free here: the colleague's branch still gives it to 0005-use-launchdarkly.md.
    const nine = (await vscode.commands.executeCommand('lodestar.renumberDecision', { path: flags, number: 9 })) as string;
    assert.strictEqual(nine, path.join(adr, '0009-adopt-feature-flags.md'));
    const elsewhere = await errorsShownBy(() => vscode.commands.executeCommand('lodestar.renumberDecision', { path: postgres, number: 5 }));
    assert.strictEqual(elsewhere.result, undefined);
    assert.strictEqual(elsewhere.errors.length, 1, elsewhere.errors.join('\n'));
    assert.match(
      elsewhere.errors[0],
      /^Lodestar: number 5 is already used by 0005-use-launchdarkly\.md on branch colleague\/launchdarkly; nothing was changed\./,
    );
    assert.strictEqual(fs.readFileSync(postgres, 'utf8'), postgresBefore);
    assert.ok(!fs.existsSync(path.join(adr, '0005-use-postgresql.md')));
  });
});

describe('New Design Doc', () => {
  it('writes the built-in template with the DESIGN front matter, opens it, and lists it at once', async () => {
    const { trees } = await lodestar();
    const created = (await vscode.commands.executeCommand('lodestar.newDesignDoc', { title: 'Event sourcing for orders', authors: ['dana'] })) as string;
    assert.strictEqual(created, path.join(workspaceRoot(), 'docs/design/event-sourcing-for-orders.md'));
    const text = fs.readFileSync(created, 'utf8');
    assert.match(
      text,
      /^---\ntitle: Event sourcing for orders\nstatus: draft\nauthors: \[dana\]\nreviewers: \[\]\napprovers: \[\]\ncreated: \d{4}-\d{2}-\d{2}\n/,
    );
    for (const section of ['Context', 'Goals', 'Non-goals', 'Proposal', 'Alternatives considered', 'Risks', 'Rollout'])
      assert.match(text, new RegExp(`^## ${section}$`, 'm'));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.fsPath, created);
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.lineAt(vscode.window.activeTextEditor.selection.active.line).text,
      '<!-- What is the situation, and why does it need a design now? -->',
    );
    assert.ok((await labels(trees.designDocs, await child(trees.designDocs, 'Draft (2)'))).includes('Event sourcing for orders'));
  });

  it('uses the project template when the folder has one, and never overwrites an existing doc', async () => {
    await lodestar();
    const folder = path.join(workspaceRoot(), 'docs/design');
    const first = (await vscode.commands.executeCommand('lodestar.newDesignDoc', { title: 'Event sourcing for orders', authors: ['dana'] })) as string;
    assert.strictEqual(first, path.join(folder, 'event-sourcing-for-orders.md'));
    fs.mkdirSync(path.join(folder, 'templates'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'templates/template.md'), '---\ntitle: TITLE\nstatus: STATUS\n---\n\n# TITLE\n\nOwner: AUTHORS, DATE\n\n## Problem\n\n');
    const created = (await vscode.commands.executeCommand('lodestar.newDesignDoc', { title: 'Event sourcing for orders', authors: ['sam'] })) as string;
    assert.strictEqual(path.basename(created), 'event-sourcing-for-orders-2.md', 'the first one is kept; the new one gets a suffix');
    assert.match(
      fs.readFileSync(created, 'utf8'),
      /^---\ntitle: Event sourcing for orders\nstatus: draft\n---\n\n# Event sourcing for orders\n\nOwner: sam, \d{4}-\d{2}-\d{2}\n/,
    );
    assert.match(fs.readFileSync(path.join(folder, 'event-sourcing-for-orders.md'), 'utf8'), /authors: \[dana\]/);
    fs.rmSync(path.join(folder, 'templates'), { recursive: true });
  });
});

describe('New Decision Record with links', () => {
  it("links the new record and each picked one both ways, in each one's dialect", async () => {
    await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    const grpc = path.join(adr, '0004-use-grpc-for-internal-apis.md');
    const created = (await vscode.commands.executeCommand('lodestar.newDecision', { title: 'Cache sessions in memory', links: [grpc] })) as string;
    assert.strictEqual(path.basename(created), '0007-cache-sessions-in-memory.md');
    assert.match(
      fs.readFileSync(created, 'utf8'),
      /## Status\n\nProposed\n\nRelates to \[4\. Use gRPC for internal APIs\]\(0004-use-grpc-for-internal-apis\.md\)\n\n## Context/,
    );
    assert.match(fs.readFileSync(grpc, 'utf8'), /Relates to \[7\. Cache sessions in memory\]\(0007-cache-sessions-in-memory\.md\)/);
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.lineAt(vscode.window.activeTextEditor.selection.active.line).text,
      'The issue motivating this decision, and any context that influences or constrains the decision.',
    );
  });
});

describe('Promote to Decision Record', () => {
  it('drafts a decision that names the design doc, and the design doc lists the decision', async () => {
    const { trees } = await lodestar();
    const gateway = path.join(workspaceRoot(), 'docs/design/api-gateway.md');
    const before = fs.readFileSync(gateway, 'utf8');
    const created = (await vscode.commands.executeCommand('lodestar.promoteToDecision', {
      path: gateway,
      title: 'Put an API gateway in front of the services',
    })) as string;
    assert.strictEqual(path.basename(created), '0007-put-an-api-gateway-in-front-of-the-services.md');
    assert.match(
      fs.readFileSync(created, 'utf8'),
      /## Context\n\nThis decision comes from the design doc \[API gateway\]\(\.\.\/\.\.\/docs\/design\/api-gateway\.md\)\.\n\nThe issue motivating/,
    );
    assert.strictEqual(
      fs.readFileSync(gateway, 'utf8'),
      before.replace('decisions: [ADR-0004]', 'decisions: [ADR-0004, "../../doc/adr/0007-put-an-api-gateway-in-front-of-the-services.md"]'),
    );
    assert.strictEqual(
      vscode.window.activeTextEditor?.document.lineAt(vscode.window.activeTextEditor.selection.active.line).text,
      'The issue motivating this decision, and any context that influences or constrains the decision.',
    );
    // The design doc's row now links to the new decision.
    const gatewayRow = await child(trees.designDocs, 'API gateway', await child(trees.designDocs, 'In review (1)'));
    assert.ok(
      (await labels(trees.designDocs, gatewayRow)).some((l) => l.includes('0007 Put an API gateway in front of the services')),
      (await labels(trees.designDocs, gatewayRow)).join(' | '),
    );
  });
});

describe('Renumber and Rename Title with links from other folders', () => {
  it("a design doc's decisions: entry and its text follow the decision it names to its new number and title", async () => {
    const { trees } = await lodestar();
    const gateway = path.join(workspaceRoot(), 'docs/design/api-gateway.md');
    const promoted = (await vscode.commands.executeCommand('lodestar.promoteToDecision', { path: gateway, title: 'Add a gateway' })) as string;
    assert.strictEqual(path.basename(promoted), '0007-add-a-gateway.md');
    fs.appendFileSync(gateway, '\nSee [the gateway decision](../../doc/adr/0007-add-a-gateway.md).\n');
    const nine = (await vscode.commands.executeCommand('lodestar.renumberDecision', { path: promoted, number: 9 })) as string;
    assert.strictEqual(path.basename(nine), '0009-add-a-gateway.md');
    let text = fs.readFileSync(gateway, 'utf8');
    assert.match(text, /decisions: \[ADR-0004, "\.\.\/\.\.\/doc\/adr\/0009-add-a-gateway\.md"\]/);
    assert.match(text, /See \[the gateway decision\]\(\.\.\/\.\.\/doc\/adr\/0009-add-a-gateway\.md\)\./);
    const renamed = (await vscode.commands.executeCommand('lodestar.renameTitle', { path: nine, title: 'Add an API gateway' })) as string;
    assert.strictEqual(path.basename(renamed), '0009-add-an-api-gateway.md');
    text = fs.readFileSync(gateway, 'utf8');
    assert.match(text, /decisions: \[ADR-0004, "\.\.\/\.\.\/doc\/adr\/0009-add-an-api-gateway\.md"\]/);
    assert.match(text, /\(\.\.\/\.\.\/doc\/adr\/0009-add-an-api-gateway\.md\)/);
    // The design doc's row still links to the decision, under its new number and title.
    await eventually(async () => {
      const row = await child(trees.designDocs, 'API gateway', await child(trees.designDocs, 'In review (1)'));
      const shown = await labels(trees.designDocs, row);
      assert.ok(
        shown.some((l) => l.includes('0009 Add an API gateway')),
        shown.join(' | '),
      );
    });
  });
});

describe('bad input through the commands', () => {
  it('a 300-character title: the file name is cut, the heading keeps every character', async () => {
    await lodestar();
    const title = `Adopt ${'a very long and careful name '.repeat(11)}`.slice(0, 300);
    assert.strictEqual(title.length, 300);
    const created = (await vscode.commands.executeCommand('lodestar.newDecision', { title })) as string;
    assert.ok(path.basename(created).length <= 5 + 60 + 3, path.basename(created));
    assert.match(path.basename(created), /^0007-adopt-a-very-long-and-careful-name/);
    assert.ok(fs.readFileSync(created, 'utf8').startsWith(`# 7. ${title}\n`));
  });

  it('superseding a record that does not exist changes nothing', async () => {
    await lodestar();
    const file = path.join(workspaceRoot(), 'doc/adr/0002-use-postgresql.md');
    const before = fs.readFileSync(file, 'utf8');
    assert.strictEqual(
      await vscode.commands.executeCommand('lodestar.supersedeDecision', { path: file, by: path.join(workspaceRoot(), 'doc/adr/0042-no-such-record.md') }),
      false,
    );
    assert.strictEqual(
      await vscode.commands.executeCommand('lodestar.supersedeDecision', { path: path.join(workspaceRoot(), 'doc/adr/0042-no-such-record.md'), by: file }),
      false,
    );
    assert.strictEqual(fs.readFileSync(file, 'utf8'), before);
  });

  it('a read-only record is refused with a clear error and left as it was', async () => {
    await lodestar();
    const file = path.join(workspaceRoot(), 'doc/adr/0002-use-postgresql.md');
    const before = fs.readFileSync(file, 'utf8');
    fs.chmodSync(file, 0o444);
    try {
      assert.strictEqual(await vscode.commands.executeCommand('lodestar.changeStatus', { path: file, status: 'deprecated' }), false);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), before);
      assert.strictEqual(fs.statSync(file).mode & 0o777, 0o444);
    } finally {
      fs.chmodSync(file, 0o644);
    }
  });

  it('a BOM and CRLF record keeps both; a record that is not valid UTF-8 is refused, not rewritten', async () => {
    const { records } = await lodestar();
    const adr = path.join(workspaceRoot(), 'doc/adr');
    const bom = path.join(adr, '0090-bom-and-crlf.md');
    const latin1 = path.join(adr, '0091-latin-one.md');
    const bomText = '\uFEFF# 90. BOM and CRLF\r\n\r\nDate: 2026-11-01\r\n\r\n## Status\r\n\r\nProposed\r\n\r\n## Context\r\n\r\nCaf\u00e9.\r\n';
    const latin1Bytes = Buffer.from('# 91. Latin one\n\n## Status\n\nProposed\n\n## Context\n\nCaf\xe9.\n', 'latin1');
    fs.writeFileSync(bom, bomText);
    fs.writeFileSync(latin1, latin1Bytes);
    try {
      await records.refreshPaths([bom, latin1]);
      assert.strictEqual(await vscode.commands.executeCommand('lodestar.changeStatus', { path: bom, status: 'accepted' }), true);
      assert.deepStrictEqual(fs.readFileSync(bom), Buffer.from(bomText.replace('Proposed', 'Accepted')));
      assert.strictEqual(await vscode.commands.executeCommand('lodestar.changeStatus', { path: latin1, status: 'accepted' }), false);
      assert.deepStrictEqual(fs.readFileSync(latin1), latin1Bytes);
    } finally {
      fs.rmSync(bom, { force: true });
      fs.rmSync(latin1, { force: true });
      await records.refreshPaths([bom, latin1]);
    }
  });

  it('a record open with unsaved changes is edited in its editor: the typing is kept, the disk is untouched', async () => {
    await lodestar();
    const file = path.join(workspaceRoot(), 'doc/adr/0002-use-postgresql.md');
    const onDisk = fs.readFileSync(file, 'utf8');
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'A thought not saved yet.\n'));
    assert.ok(editor.document.isDirty);
    assert.strictEqual(await vscode.commands.executeCommand('lodestar.changeStatus', { path: file, status: 'deprecated' }), true);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), onDisk, 'nothing written behind the editor');
    assert.match(editor.document.getText(), /## Status\n\nDeprecated\n/);
    assert.match(editor.document.getText(), /A thought not saved yet\.\n/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
