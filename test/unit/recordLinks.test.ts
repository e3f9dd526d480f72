import * as assert from 'assert';
import * as fs from 'fs';
import { addLinkInDialect, supersedeExisting } from '../../src/core/decisions/recordLinks';
import { madr2Adr, madr4Adr, nygardAdr } from '../fixtures/recordText';
import { indexOf } from './helpers';

describe('links between existing records', () => {
  it('supersede updates both Nygard records, and the index then reads the pair with no problem', async () => {
    const files = {
      'doc/adr/0001-use-rest.md': nygardAdr({ number: 1, title: 'Use REST' }),
      'doc/adr/0002-use-grpc.md': nygardAdr({ number: 2, title: 'Use gRPC' }),
    };
    const { root, index } = await indexOf(files);
    const [rest, grpc] = index.records().sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    const out = supersedeExisting(rest, files['doc/adr/0001-use-rest.md'], grpc, files['doc/adr/0002-use-grpc.md']);
    assert.strictEqual(
      out.older,
      files['doc/adr/0001-use-rest.md'].replace('## Status\n\nAccepted\n\n', '## Status\n\nSuperseded by [2. Use gRPC](0002-use-grpc.md)\n\n'),
    );
    assert.strictEqual(
      out.newer,
      files['doc/adr/0002-use-grpc.md'].replace('## Status\n\nAccepted\n\n', '## Status\n\nAccepted\n\nSupersedes [1. Use REST](0001-use-rest.md)\n\n'),
    );
    fs.writeFileSync(rest.path, out.older);
    fs.writeFileSync(grpc.path, out.newer);
    const again = await indexOf({ 'doc/adr/0001-use-rest.md': out.older, 'doc/adr/0002-use-grpc.md': out.newer });
    assert.deepStrictEqual(again.index.problems(), []);
    assert.strictEqual(again.index.records().find((r) => r.number === 1)?.status, 'superseded');
    assert.ok(root);
  });

  it('a successor without a number (log4brains, date-named) is linked by its path and named by its title', async () => {
    const files = {
      '.log4brains.yml': 'project:\n  name: checkout\n  adrFolder: ./docs/adr\n',
      'docs/adr/20260110-use-stripe.md': madr2Adr({ title: 'Use Stripe', status: 'accepted', date: '2026-01-10' }),
      'docs/adr/20260214-use-adyen.md': madr2Adr({ title: 'Use Adyen', status: 'accepted', date: '2026-02-14' }),
    };
    const { index } = await indexOf(files);
    const stripe = index.records().find((r) => r.title === 'Use Stripe')!;
    const adyen = index.records().find((r) => r.title === 'Use Adyen')!;
    assert.strictEqual(adyen.number, null);
    const out = supersedeExisting(stripe, files['docs/adr/20260110-use-stripe.md'], adyen, files['docs/adr/20260214-use-adyen.md']);
    assert.match(out.older, /^\* Status: superseded by \[Use Adyen\]\(20260214-use-adyen\.md\)$/m);
    assert.match(out.newer, /^\* Supersedes \[Use Stripe\]\(20260110-use-stripe\.md\)$/m);
    // A Nygard record superseded by it says the title alone, not "null. Use Adyen".
    const nygard = nygardAdr({ number: 1, title: 'Use REST' });
    const rest = (await indexOf({ 'doc/adr/0001-use-rest.md': nygard })).index.records()[0];
    const beside = { ...adyen, path: rest.path.replace('0001-use-rest.md', '20260214-use-adyen.md') };
    assert.match(supersedeExisting(rest, nygard, beside, '').older, /^Superseded by \[Use Adyen\]\(20260214-use-adyen\.md\)$/m);
    const again = await indexOf({ ...files, 'docs/adr/20260110-use-stripe.md': out.older, 'docs/adr/20260214-use-adyen.md': out.newer });
    const older = again.index.records().find((r) => r.title === 'Use Stripe')!;
    assert.strictEqual(older.status, 'superseded');
    assert.ok(
      older.links.some((l) => l.kind === 'superseded-by' && l.target.endsWith('/docs/adr/20260214-use-adyen.md')),
      JSON.stringify(older.links),
    );
    assert.deepStrictEqual(again.index.problems(), []);
  });

  it('MADR records get a Links bullet (the section is made when missing); a link already there is not added twice', async () => {
    const withLinks = madr2Adr({ title: 'A', status: 'accepted', links: ['Refined by [ADR-0009](0009-x.md)'] });
    const plain4 = madr4Adr({ title: 'B', status: 'accepted' });
    const { index } = await indexOf({
      'docs/decisions/0001-a.md': withLinks,
      'docs/decisions/0002-b.md': plain4,
      'docs/decisions/0003-c.md': madr4Adr({ title: 'C', status: 'accepted' }),
    });
    const [a, b, c] = index.records().sort((x, y) => (x.number ?? 0) - (y.number ?? 0));
    const linkedA = addLinkInDialect(a, withLinks, 'Amends', c);
    assert.strictEqual(
      linkedA,
      withLinks.replace('* Refined by [ADR-0009](0009-x.md)\n', '* Refined by [ADR-0009](0009-x.md)\n* Amends [ADR-0003](0003-c.md)\n'),
    );
    assert.strictEqual(addLinkInDialect(a, linkedA, 'Amends', c), linkedA, 'idempotent');
    assert.strictEqual(addLinkInDialect(b, plain4, 'Clarifies', c), `${plain4.replace(/\n+$/, '')}\n\n## Links\n\n* Clarifies [ADR-0003](0003-c.md)\n`);
  });

  it('supersede adds no second link when the older record already links to the newer file under another title, on either side', async () => {
    const older = nygardAdr({ number: 1, title: 'Use REST' }).replace(
      '## Status\n\nAccepted\n\n',
      '## Status\n\nSuperseded by [Some older title](0002-use-grpc.md)\n\n',
    );
    const newer = nygardAdr({ number: 2, title: 'Use gRPC' }).replace(
      '## Status\n\nAccepted\n\n',
      '## Status\n\nAccepted\n\nsupersedes [ADR 1](./0001-use-rest.md)\n\n',
    );
    const { index } = await indexOf({ 'doc/adr/0001-use-rest.md': older, 'doc/adr/0002-use-grpc.md': newer });
    const [rest, grpc] = index.records().sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
    const out = supersedeExisting(rest, older, grpc, newer);
    assert.strictEqual(out.older, older);
    assert.strictEqual(out.newer, newer);
    // A link to another file with the same verb is a different link.
    assert.notStrictEqual(
      supersedeExisting(rest, older.replace('0002-use-grpc.md', '0003-other.md'), grpc, newer).older,
      older.replace('0002-use-grpc.md', '0003-other.md'),
    );
  });
});
