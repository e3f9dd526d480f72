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
