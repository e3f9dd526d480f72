import * as assert from 'assert';
import { encodePath, relativeUrl } from '../../src/core/site/siteHtml';

describe('relativeUrl and encodePath', () => {
  it('links between pages of one folder, to the root and across folders', () => {
    assert.strictEqual(relativeUrl('doc/adr/0001-a.html', 'doc/adr/0002-b.html'), '0002-b.html');
    assert.strictEqual(relativeUrl('doc/adr/0001-a.html', 'index.html'), '../../index.html');
    assert.strictEqual(relativeUrl('index.html', 'doc/adr/0002-b.html'), 'doc/adr/0002-b.html');
    assert.strictEqual(relativeUrl('doc/adr/0001-a.html', 'doc/design/x.html'), '../design/x.html');
    assert.strictEqual(relativeUrl('doc/adr/0001-a.html', 'doc/adr/img/d.png'), 'img/d.png');
    assert.strictEqual(relativeUrl('doc/adr/0001-a.html', 'doc/adrx/y.html'), '../adrx/y.html');
    assert.strictEqual(relativeUrl('doc/0001-a.html', 'doc/adr/0001-a.html'), 'adr/0001-a.html');
  });

  it('percent-encodes each segment but leaves `..` and safe names alone', () => {
    assert.strictEqual(encodePath("a/b-c_d.e!~*'()/f.html"), "a/b-c_d.e!~*'()/f.html");
    assert.strictEqual(encodePath('doc/my notes/a#b?.html'), 'doc/my%20notes/a%23b%3F.html');
    assert.strictEqual(encodePath('../_/é.png'), '../_/%C3%A9.png');
    assert.strictEqual(relativeUrl('doc/adr/0001-a.html', 'doc/adr/ä b.html'), '%C3%A4%20b.html');
    assert.strictEqual(relativeUrl('index.html', 'a b/c.html'), 'a%20b/c.html');
  });
});
