import * as assert from 'assert';
import { buildDecisionGraph } from '../../src/core/decisions/decisionGraph';
import { nygardAdr } from '../fixtures/recordText';
import { indexOf } from './helpers';

describe('the decision graph draws every link the index resolves', () => {
  it('a link written as `ADR-0001` in text is an arc, as a Markdown link is', async () => {
    const { index } = await indexOf({
      'doc/adr/0001-use-rest.md': nygardAdr({ number: 1, title: 'Use REST' }),
      'doc/adr/0002-use-grpc.md': nygardAdr({ number: 2, title: 'Use gRPC', statusLines: ['Amends ADR-0001'] }),
      'doc/adr/0003-use-kafka.md': nygardAdr({ number: 3, title: 'Use Kafka', statusLines: ['Amends [2. Use gRPC](0002-use-grpc.md)'] }),
      // A body link to the record its status already amends: the index keeps the one link, and so does the graph.
      'doc/adr/0004-use-nats.md': `${nygardAdr({ number: 4, title: 'Use NATS', statusLines: ['Amends ADR-0003'] })}\nSee [ADR 3](0003-use-kafka.md).\n`,
    });
    const records = index.records('decision');
    const graph = buildDecisionGraph(records, (r) => index.linksOf(r).map((l) => ({ ...l, target: index.resolveLink(r, l.target) })));
    const id = (n: number): string => graph.nodes.find((x) => x.label.startsWith(String(n).padStart(4, '0')))!.id;
    const arcs = graph.edges.map((e) => `${e.from} ${e.kind} ${e.to}`).sort();
    assert.deepStrictEqual(arcs, [`${id(2)} amends ${id(1)}`, `${id(3)} amends ${id(2)}`, `${id(4)} amends ${id(3)}`].sort());
    // Without the index's resolution, the text link names no record's path: only the Markdown link is drawn.
    const unresolved = buildDecisionGraph(records);
    assert.deepStrictEqual(
      unresolved.edges.map((e) => `${e.from} ${e.kind} ${e.to}`),
      [`${id(3)} amends ${id(2)}`, `${id(4)} references ${id(3)}`],
    );
  });

  it("a link written only on the later side (`Amended by`, `Refined by`, `Clarified by`) is drawn as the other record's verb", async () => {
    const { index } = await indexOf({
      'doc/adr/0001-a.md': nygardAdr({ number: 1, title: 'A', statusLines: ['Amended by [2. B](0002-b.md)', 'Clarified by [3. C](0003-c.md)'] }),
      'doc/adr/0002-b.md': nygardAdr({ number: 2, title: 'B' }),
      'doc/adr/0003-c.md': nygardAdr({ number: 3, title: 'C' }),
      'doc/adr/0004-d.md': '---\nstatus: accepted\nrefined-by: [ADR-0005]\n---\n# D\n',
      'doc/adr/0005-e.md': '---\nstatus: accepted\n---\n# E\n',
    });
    const records = index.records('decision');
    const graph = buildDecisionGraph(records, (r) => index.linksOf(r).map((l) => ({ ...l, target: index.resolveLink(r, l.target) })));
    const label = (id: string): string => graph.nodes.find((n) => n.id === id)!.label;
    assert.deepStrictEqual(graph.edges.map((e) => `${label(e.from)} ${e.kind} ${label(e.to)}`).sort(), [
      '0002 B amends 0001 A',
      '0003 C clarifies 0001 A',
      '0005 E refines 0004 D',
    ]);
  });
});
