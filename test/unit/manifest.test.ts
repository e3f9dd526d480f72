import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RECORD_KINDS, recordContextValue } from '../../src/vscode/views/recordContextValue';

const ROOT = path.resolve(__dirname, '../../..');

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  contributes: {
    menus: Record<string, MenuEntry[]>;
    configuration: { properties: Record<string, { scope?: string }> };
  };
};
const menus = pkg.contributes.menus;

/** Commands that write files: hidden wherever the workspace is not trusted (they would only be refused). */
const WRITE_COMMANDS = [
  'lodestar.newDecision',
  'lodestar.newDesignDoc',
  'lodestar.addMentee',
  'lodestar.newMentoringNote',
  'lodestar.logPairingSession',
  'lodestar.confirmPairing',
  'lodestar.logInfluenceActivity',
  'lodestar.linkPullRequest',
  'lodestar.linkPullRequestToMentee',
  'lodestar.linkPullRequestToActivity',
  'lodestar.changeStatus',
  'lodestar.renumberDecision',
  'lodestar.supersedeDecision',
  'lodestar.linkDecisions',
  'lodestar.renameTitle',
  'lodestar.promoteToDecision',
  'lodestar.generateDecisionIndex',
  'lodestar.generateInfluenceReport',
];

/** Every contextValue a Lodestar tree gives its items: the literals in src/vscode/views, and every record row's. */
function treeContextValues(): Set<string> {
  const values = new Set<string>();
  const dir = path.join(ROOT, 'src/vscode/views');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      if (!/\.contextValue\s*=/.test(line)) continue;
      for (const m of line.matchAll(/'(lodestar\.[A-Za-z.]+)'/g)) values.add(m[1]);
    }
  }
  for (const kind of RECORD_KINDS) {
    for (const number of [1, null]) for (const isPrivate of [false, true]) values.add(recordContextValue({ kind, number, private: isPrivate }));
  }
  return values;
}

/** The `viewItem == x` and `viewItem =~ /re/` terms of a when clause, each as a test of one contextValue. */
function viewItemTerms(when: string): { text: string; test: (value: string) => boolean }[] {
  return [...when.matchAll(/viewItem\s*(==|=~)\s*(\/(?:\\.|[^/])+\/|[^\s&|)]+)/g)].map(([text, op, value]) => ({
    text,
    test: op === '==' ? (v: string) => v === value : (v: string) => new RegExp(value.slice(1, -1)).test(v),
  }));
}

describe('package.json menus', () => {
  it('the trees give their items the contextValues the menus expect (a sanity check of the scan)', () => {
    const values = treeContextValues();
    for (const v of [
      'lodestar.decision',
      'lodestar.decision.unnumbered',
      'lodestar.design',
      'lodestar.mentee',
      'lodestar.detectedPairing',
      'lodestar.activity',
    ]) {
      assert.ok(values.has(v), `${v} in ${[...values].join(', ')}`);
    }
  });

  it('every viewItem test in view/item/context matches at least one contextValue a tree emits', () => {
    const values = [...treeContextValues()];
    const dead = menus['view/item/context'].flatMap((m) =>
      viewItemTerms(m.when ?? '')
        .filter((t) => !values.some(t.test))
        .map((t) => `${m.command}: ${t.text}`),
    );
    assert.deepStrictEqual(dead, []);
  });

  it('Renumber shows on numbered decisions only', () => {
    const [renumber] = menus['view/item/context'].filter((m) => m.command === 'lodestar.renumberDecision');
    const shows = (value: string): boolean => viewItemTerms(renumber.when ?? '').every((t) => t.test(value));
    assert.ok(shows(recordContextValue({ kind: 'decision', number: 7, private: false })));
    assert.ok(!shows(recordContextValue({ kind: 'decision', number: null, private: false })));
    assert.ok(!shows(recordContextValue({ kind: 'design', number: null, private: false })));
  });

  it('every command that writes carries isWorkspaceTrusted in each menu, the command palette included', () => {
    const missing: string[] = [];
    for (const [menu, entries] of Object.entries(menus)) {
      for (const e of entries) {
        if (WRITE_COMMANDS.includes(e.command) && !/(^|&&\s*)isWorkspaceTrusted(\s*&&|$)/.test(e.when ?? ''))
          missing.push(`${menu}: ${e.command} (${e.when ?? 'no when'})`);
      }
    }
    for (const c of WRITE_COMMANDS) {
      if (!menus.commandPalette.some((e) => e.command === c)) missing.push(`commandPalette: ${c} has no entry`);
    }
    assert.deepStrictEqual(missing, []);
    // `a || b && isWorkspaceTrusted` would leave `a` untrusted: a clause with || must not be a write command's.
    const withOr = Object.values(menus)
      .flat()
      .filter((e) => WRITE_COMMANDS.includes(e.command) && /\|\|/.test(e.when ?? ''));
    assert.deepStrictEqual(withOr, []);
  });

  it('Clear Filter is in the palette only when a filter is set', () => {
    for (const view of ['decisions', 'designDocs']) {
      const entry = menus.commandPalette.find((e) => e.command === `lodestar.${view}.clearFilter`);
      assert.strictEqual(entry?.when, `lodestar.${view}.filtered`);
    }
    const source = fs.readFileSync(path.join(ROOT, 'src/vscode/views/viewControls.ts'), 'utf8');
    assert.match(source, /setContext', `\$\{viewId\}\.filtered`/, 'the context key the views set');
  });

  it("each view's title bar gives every navigation button its own place", () => {
    const places = new Map<string, string[]>();
    for (const e of menus['view/title']) {
      const group = e.group ?? '';
      if (!group.startsWith('navigation')) continue;
      for (const [, view] of (e.when ?? '').matchAll(/view\s*==\s*([\w.]+)/g)) {
        const key = `${view} ${group}`;
        places.set(key, [...(places.get(key) ?? []), e.command]);
      }
    }
    const shared = [...places].filter(([, commands]) => commands.length > 1).map(([key, commands]) => `${key}: ${commands.join(', ')}`);
    assert.deepStrictEqual(shared, []);
  });

  it('the reminders settings are window-scoped', () => {
    const reminders = Object.entries(pkg.contributes.configuration.properties).filter(([k]) => k.startsWith('lodestar.reminders.'));
    assert.ok(reminders.length > 0);
    assert.deepStrictEqual(
      reminders.filter(([, v]) => v.scope !== 'window').map(([k]) => k),
      [],
    );
  });
});
