import * as assert from 'assert';
import { byName, indexOf } from './helpers';
import { RecordIndex } from '../../src/core/index/recordIndex';
import { toPortPath } from '../../src/core/store/fileSystem';
import { writeFiles } from '../fixtures/gitRepo';

/** A design doc as the Design Docs view shows it: title, status, date, who wrote, reviewed and approved it, its pull requests. */
function shown(index: RecordIndex, name: string) {
  const r = byName(index, name);
  return {
    number: r.number,
    title: r.title,
    status: r.status,
    date: r.date,
    authors: r.authors ?? [],
    reviewers: r.reviewers ?? [],
    approvers: r.approvers ?? [],
    pullRequests: r.pullRequests,
  };
}

const NOBODY = { authors: [], reviewers: [], approvers: [], pullRequests: [] };

/** Design docs and RFCs as real repositories write them without front matter, or with front matter of their own words. */
describe('design docs and RFCs as repositories write them', () => {
  it('a header list above `# Summary` (`- Feature Name:`, `- Status:`, `- Start Date:`, `- Authors:`, `- RFC PR:`) gives the title, status, date, authors and pull request', async () => {
    const { index } = await indexOf({
      'docs/rfcs/20171024_select_for_update.md':
        '- Feature Name: Support `SELECT FOR UPDATE`\n- Status: postponed\n- Start Date: 2017-10-17\n- Authors: Rebecca Taft, Andrei Matei\n- RFC PR: [#19577](https://git.example.com/team/db/pull/19577)\n- Issue: [#6583](https://git.example.com/team/db/issues/6583)\n\n# Summary\n\nThis RFC is postponed.\n\n# Motivation\n\nStatus: we may come back to it.\n',
      // `Feature Name: nll` is an identifier: the file's name is the better title. `RFC PR: #6067` is a short form.
      'rfcs/text/2094-nll.md':
        '- Feature Name: nll\n- Start Date: 2017-08-02\n- RFC PR: #6067\n- Tracking Issue: (leave this empty)\n\n# Summary\n[summary]: #summary\n\nExtend the borrow checker.\n',
      // The list under the title, and an RFC PR left for later.
      'rfcs/text/3001-async-drop.md':
        '# Async Drop RFC\n\n- Feature Name: `async-drop`\n- Start Date: 2023-12-12\n- RFC PR: (leave this empty)\n\n# Summary\n\nText.\n',
    });
    assert.deepStrictEqual(shown(index, '20171024_select_for_update.md'), {
      number: 20171024,
      title: 'Support SELECT FOR UPDATE',
      status: 'postponed',
      date: '2017-10-17',
      authors: ['Rebecca Taft', 'Andrei Matei'],
      reviewers: [],
      approvers: [],
      pullRequests: ['https://git.example.com/team/db/pull/19577'],
    });
    assert.deepStrictEqual(shown(index, '2094-nll.md'), { ...NOBODY, number: 2094, title: 'Nll', status: null, date: '2017-08-02', pullRequests: ['#6067'] });
    assert.deepStrictEqual(shown(index, '3001-async-drop.md'), { ...NOBODY, number: 3001, title: 'Async Drop RFC', status: null, date: '2023-12-12' });
  });

  it('prose is no field: a sentence naming a status, a colon after the title, a `Status:` line under a later section', async () => {
    const { index } = await indexOf({
      'docs/design/cache.md':
        '# Cache layer\n\nThe status of this work is unclear: we wait on storage.\nOwners of the old cache: please read on.\nDiscussion at https://example.com/issue/1.\n\n## Background\n\nStatus: Accepted\nAuthor: Someone quoted in a section\n',
    });
    assert.deepStrictEqual(shown(index, 'cache.md'), { ...NOBODY, number: null, title: 'Cache layer', status: null, date: null });
  });

  it('`* Status: **Implemented (Swift 5.1)**`, linked `* Authors:`, `* Review Manager:`, `* Implementation:` with a pull request; an implementation that is no pull request is none', async () => {
    const { index } = await indexOf({
      'docs/design/0258-property-wrappers.md':
        '# Property Wrappers\n\n* Proposal: [SE-0258](0258-property-wrappers.md)\n* Authors: [Doug Gregor](https://example.com/u/doug), [Joe Groff](https://example.com/u/joe)\n* Review Manager: [John McCall](https://example.com/u/john)\n* Status: **Implemented (Swift 5.1)**\n* Implementation: [team/lang#25781](https://git.example.com/team/lang/pull/25781)\n\n## Introduction\n',
      'docs/design/0504-shields.md':
        '# Task Cancellation Shields\n\n* Proposal: [SE-0504](0504-shields.md)\n* Author: [Konrad](https://example.com/u/konrad)\n* Status: **Active review (January 12...26, 2026)**\n* Implementation: Linux toolchain\n\n## Introduction\n',
    });
    assert.deepStrictEqual(shown(index, '0258-property-wrappers.md'), {
      number: 258,
      title: 'Property Wrappers',
      status: 'implemented',
      date: null,
      authors: ['Doug Gregor', 'Joe Groff'],
      reviewers: ['John McCall'],
      approvers: [],
      pullRequests: ['https://git.example.com/team/lang/pull/25781'],
    });
    assert.deepStrictEqual(shown(index, '0504-shields.md'), {
      ...NOBODY,
      number: 504,
      title: 'Task Cancellation Shields',
      status: 'active-review',
      date: null,
      authors: ['Konrad'],
    });
  });

  it('`Author:` and `Last updated: September 2, 2015` lines; `* Owner:` / `* Reviewers:` / `* Status: Accepted, revision 1.1`; `* State:`', async () => {
    const { index } = await indexOf({
      'design/12166-subtests.md':
        '# Proposal: testing: programmatic sub-test and sub-benchmark support\n\nAuthor: Marcel van Lohuizen\n\n_With input from Sameer, Austin._\n\nLast updated: September 2, 2015\n\nDiscussion at https://example.com/issue/12166.\n\n## Abstract\n',
      'docs/design/design-doc-agent.md':
        '# Agent for Consumption\n\n* Owner: Muvaffak Onuş (@muvaf)\n* Reviewers: Platform Maintainers\n* Status: Accepted, revision 1.1\n\n## Background\n',
      'docs/design/0008-pluggable-components.md':
        '# Pluggable components\n\n* Author(s): Joni Collinge (@jjcollinge)\n* State: Ready for Implementation\n* Updated: 2022-10-03\n\n## Overview\n',
    });
    // `design/` is not a design folder: the same doc under `docs/design` is read the same.
    assert.strictEqual(index.records('design').length, 2);
    const { index: moved } = await indexOf({
      'docs/design/12166-subtests.md':
        '# Proposal: testing: programmatic sub-test and sub-benchmark support\n\nAuthor: Marcel van Lohuizen\n\nLast updated: September 2, 2015\n\n## Abstract\n',
    });
    assert.deepStrictEqual(shown(moved, '12166-subtests.md'), {
      ...NOBODY,
      number: 12166,
      title: 'Proposal: testing: programmatic sub-test and sub-benchmark support',
      status: null,
      date: '2015-09-02',
      authors: ['Marcel van Lohuizen'],
    });
    assert.deepStrictEqual(shown(index, 'design-doc-agent.md'), {
      ...NOBODY,
      number: null,
      title: 'Agent for Consumption',
      status: 'accepted',
      date: null,
      authors: ['Muvaffak Onuş (@muvaf)'],
      reviewers: ['Platform Maintainers'],
    });
    assert.deepStrictEqual(shown(index, '0008-pluggable-components.md'), {
      ...NOBODY,
      number: 8,
      title: 'Pluggable components',
      status: 'ready-for-implementation',
      date: '2022-10-03',
      authors: ['Joni Collinge (@jjcollinge)'],
    });
  });

  it('an H2 title underlined with `----` (no H1), with `* Author(s):` wrapped over two lines and `* Approver:`; `## Title` as the first heading with `* **Owners:**` listed below it', async () => {
    const { index } = await indexOf({
      'docs/design/A36-xds-servers.md':
        'A36: xDS-Enabled Servers\n------------------------\n* Author(s): [Eric Anderson](https://example.com/u/e), [Doug\n  Fawley](https://example.com/u/d), [Mark Roth](https://example.com/u/m)\n* Approver: markdroth\n* Status: Ready for Implementation\n* Implemented in: <language, ...>\n* Last updated: 2021-02-25\n\n## Abstract\n',
      'docs/design/2025-01-10_metadata-store.md':
        '## Metadata store with parquet\n\n* **Owners:**\n  * Jesús Vázquez [@jesusvazquez](https://example.com/u/j)\n  * György Krajcsovits\n\n* **Implementation Status:** `Not implemented`\n\n## Why\n',
    });
    assert.deepStrictEqual(shown(index, 'A36-xds-servers.md'), {
      ...NOBODY,
      number: null,
      title: 'A36: xDS-Enabled Servers',
      status: 'ready-for-implementation',
      date: '2021-02-25',
      authors: ['Eric Anderson', 'Doug Fawley', 'Mark Roth'],
      approvers: ['markdroth'],
    });
    assert.deepStrictEqual(shown(index, '2025-01-10_metadata-store.md'), {
      ...NOBODY,
      number: null,
      title: 'Metadata store with parquet',
      status: 'not-implemented',
      date: '2025-01-10',
      authors: ['Jesús Vázquez @jesusvazquez', 'György Krajcsovits'],
    });
  });

  it('a first heading that names a section (`## Summary`, `# Meta`) is no title: the `- Name:` field, else the file name', async () => {
    const { index } = await indexOf({
      'docs/rfcs/0042-retry-budget.md': '## Summary\n\nRetries get a budget.\n\n## Motivation\n',
      'docs/rfcs/rfc-0001-stacks.md':
        '# Meta\n[meta]: #meta\n- Name: Contribute a new stack\n- Start Date: 2022-02-03\n- Author(s): @dsabeti\n- Status: Accepted\n- RFC Pull Request: [community#194](https://git.example.com/team/community/pull/194)\n\n## Summary\n',
    });
    assert.deepStrictEqual(shown(index, '0042-retry-budget.md'), { ...NOBODY, number: 42, title: 'Retry budget', status: null, date: null });
    assert.deepStrictEqual(shown(index, 'rfc-0001-stacks.md'), {
      ...NOBODY,
      number: null,
      title: 'Contribute a new stack',
      status: 'accepted',
      date: '2022-02-03',
      authors: ['@dsabeti'],
      pullRequests: ['https://git.example.com/team/community/pull/194'],
    });
  });

  it('a table of fields under the title: `| **Start Date** | 30 June 2023 |`, `|**Author(s)**: | … |`, `|**Status**: | In Discussion |`, `|**Approver(s)**: | … |`', async () => {
    const { index } = await indexOf({
      'docs/design/0001-agile-coretime.md':
        '# RFC-1: Agile Coretime\n\n|                 |                       |\n| --------------- | --------------------- |\n| **Start Date**  | 30 June 2023          |\n| **Description** | A periodic sale model. |\n| **Authors**     | Gavin Wood            |\n\n## Summary\n',
      'docs/design/search-rewrite.md':
        '# Design Doc: Search rewrite\n\n|                       |               |\n|-----------------------|---------------|\n|**Author(s)**:         | Ada Lovelace, Grace Hopper |\n|**Created**:           | 2024-03-02 |\n|**Status**:            | In Discussion |\n|**Last status change**:| 2024-03-20 |\n|**Approver(s)**:       | Linus |\n\n## Context\n',
    });
    assert.deepStrictEqual(shown(index, '0001-agile-coretime.md'), {
      ...NOBODY,
      number: 1,
      title: 'RFC-1: Agile Coretime',
      status: null,
      date: '2023-06-30',
      authors: ['Gavin Wood'],
    });
    assert.deepStrictEqual(shown(index, 'search-rewrite.md'), {
      ...NOBODY,
      number: null,
      title: 'Design Doc: Search rewrite',
      status: 'in-discussion',
      date: '2024-03-02',
      authors: ['Ada Lovelace', 'Grace Hopper'],
      approvers: ['Linus'],
    });
  });

  it('`README.md` in a numbered folder of its own is the proposal (`1441-kubectl-debug/README.md`), titled by its H1 and numbered by its folder; other READMEs are not records', async () => {
    const { root, index } = await indexOf({
      'docs/design/README.md': '# Design docs\n\nAn index.\n',
      'docs/design/storage/README.md': '# Storage designs\n\nAn index of this part.\n',
      // A folder of a period (a quarter, a month) indexes that period's docs: its README is no proposal.
      'docs/design/2024-q1/README.md': '# Designs of 2024 Q1\n',
      'docs/design/2024-03/README.md': '# Designs of March 2024\n',
      'docs/design/sig-cli/1441-kubectl-debug/README.md': '# KEP-1441: kubectl debug\n\n<!-- toc -->\n- [Summary](#summary)\n<!-- /toc -->\n\n## Summary\n',
      'docs/design/sig-cli/1441-kubectl-debug/kep.yaml': 'title: kubectl debug\nstatus: implementable\n',
      'docs/design/0003-oci-support/README.md':
        '# RFC-0003 OCI support\n\n**Status:** implemented (v0.32)\n\n**Creation date:** 2022-03-24\n\n**Last update:** 2022-08-17\n\n## Summary\n',
      'docs/design/proposals/0002-sandbox/README.md':
        '---\ntitle: Plugin Sandboxing\nstatus: implementable\nauthors:\n  - "@ada"\ncreation-date: 2023-03-01\nlast-updated: 2023-04-11\n---\n\n# BEP: Plugin Sandboxing\n',
    });
    assert.deepStrictEqual(
      index
        .records('design')
        .map((r) => r.path.slice(r.folder.length + 1))
        .sort(),
      ['0003-oci-support/README.md', 'proposals/0002-sandbox/README.md', 'sig-cli/1441-kubectl-debug/README.md'],
    );
    // Its kep.yaml beside it gives the status (kepProposals.test.ts reads the rest of it).
    assert.deepStrictEqual(shown(index, '1441-kubectl-debug/README.md'), {
      ...NOBODY,
      number: 1441,
      title: 'KEP-1441: kubectl debug',
      status: 'implementable',
      date: null,
    });
    assert.deepStrictEqual(shown(index, '0003-oci-support/README.md'), {
      ...NOBODY,
      number: 3,
      title: 'RFC-0003 OCI support',
      status: 'implemented',
      date: '2022-08-17',
    });
    // Written after the index was built, it is listed as it is saved; a README in a folder with no number is not.
    writeFiles(root, {
      'docs/design/0004-quotas/README.md': '# Quotas\n\n- Status: Draft\n',
      'docs/design/storage/more/README.md': '# More\n',
    });
    assert.strictEqual(await index.refreshFile(`${toPortPath(root)}/docs/design/0004-quotas/README.md`), true);
    await index.refreshFile(`${toPortPath(root)}/docs/design/storage/more/README.md`);
    assert.deepStrictEqual(shown(index, '0004-quotas/README.md'), { ...NOBODY, number: 4, title: 'Quotas', status: 'draft', date: null });
    assert.strictEqual(index.records('design').length, 4);
    assert.deepStrictEqual(shown(index, '0002-sandbox/README.md'), {
      ...NOBODY,
      number: 2,
      title: 'Plugin Sandboxing',
      status: 'implementable',
      date: '2023-04-11',
      authors: ['@ada'],
    });
  });

  it('front matter in other words: `stage:`, `state:`, `start-date:`, `creation-date:`/`last-updated:`, `owner:`, `co-authors:`, `author: "@a @b"`, `feature:`, `prs: {accepted: …}`', async () => {
    const { index } = await indexOf({
      'rfcs/text/0800-typescript.md':
        '---\nstage: accepted\nstart-date: 2022-02-21T00:00:00.000Z\nrelease-date:\nteams:\n  - framework\nprs:\n  accepted: https://git.example.com/team/rfcs/pull/800\n---\n\n# TypeScript Adoption Plan\n',
      'docs/design/sharding.md': '---\ntitle: Sharding\nstate: under review\nowner: Grace\ncreated-on: 2024-05-01\n---\n\n# Sharding\n',
      'docs/design/0002-custom-tasks.md':
        "---\nstatus: implemented\ntitle: Custom Tasks\ncreation-date: '2020-06-18'\nlast-updated: '2021-12-15'\nauthors:\n- '@jl'\n- '@jh'\n---\n\n# TEP-0002: Custom Tasks\n",
      'rfcs/0137-language-version.md':
        '---\nfeature: language-version\nstart-date: 2022-12-12\nauthor: "@fricklerhandwerk @yorickvp"\nco-authors: "@thufschmitt, @ericson"\n---\n\n# RFC 137 – Language versioning\n',
      'rfcs/0101-store-acls.md':
        '---\nfeature: store-acls\nstart-date: 2023-01-16\nauthor: Alexander Bantyev\n---\n\n# Summary\n[summary]: #summary\n\nText.\n',
    });
    assert.deepStrictEqual(shown(index, '0800-typescript.md'), {
      ...NOBODY,
      number: 800,
      title: 'TypeScript Adoption Plan',
      status: 'accepted',
      date: '2022-02-21',
      pullRequests: ['https://git.example.com/team/rfcs/pull/800'],
    });
    assert.deepStrictEqual(shown(index, 'sharding.md'), {
      ...NOBODY,
      number: null,
      title: 'Sharding',
      status: 'under-review',
      date: '2024-05-01',
      authors: ['Grace'],
    });
    assert.deepStrictEqual(shown(index, '0002-custom-tasks.md'), {
      ...NOBODY,
      number: 2,
      title: 'Custom Tasks',
      status: 'implemented',
      date: '2021-12-15',
      authors: ['@jl', '@jh'],
    });
    assert.deepStrictEqual(shown(index, '0137-language-version.md').authors, ['@fricklerhandwerk', '@yorickvp', '@thufschmitt', '@ericson']);
    assert.deepStrictEqual(shown(index, '0101-store-acls.md'), {
      ...NOBODY,
      number: 101,
      title: 'Store acls',
      status: null,
      date: '2023-01-16',
      authors: ['Alexander Bantyev'],
    });
  });

  it('front matter wins over the fields in the body; a template’s choices left in place are no status', async () => {
    const { index } = await indexOf({
      'docs/design/both.md': '---\nstatus: approved\nauthors: [Ada]\n---\n\n# Both\n\n- Status: Draft\n- Author: Grace\n',
      'docs/design/template-left.md':
        '# Left as the template\n\n* Status: {Draft, In Review, Ready for Implementation, Implemented}\n* Author(s): TBD\n\n## Abstract\n',
      'docs/design/choices.md': '# Choices\n\n- Implementation Status: Implemented/In Progress/Planned\n',
    });
    assert.deepStrictEqual(shown(index, 'both.md'), { ...NOBODY, number: null, title: 'Both', status: 'approved', date: null, authors: ['Ada'] });
    assert.deepStrictEqual(shown(index, 'template-left.md'), { ...NOBODY, number: null, title: 'Left as the template', status: null, date: null });
    assert.deepStrictEqual(shown(index, 'choices.md').status, null);
  });

  it('`## Status` with the status on its first line and `## Metadata` with the fields listed; a sentence under Status is none', async () => {
    const { index } = await indexOf({
      'docs/design/001-interest-stream.md':
        '# Design Doc 001: Interest Stream\n\n## Changelog\n\n- Feb 14, 2022: Initial Draft\n\n## Status\n\nAccepted\n\n## Abstract\n',
      'docs/design/plugin-sidecar.md':
        '# Plugin sidecar\n\n## Metadata\n\n* Authors: @johscheuer\n* Created: 2022-04-11\n* Updated: 2022-05-02\n\n## Background\n',
      'docs/design/prose-status.md':
        '# Prose status\n\n## Status\n\n> Say where the work is.\n\nWe shipped the first half of this and the rest waits on the storage team.\n\n## Context\n',
    });
    assert.deepStrictEqual(shown(index, '001-interest-stream.md'), {
      ...NOBODY,
      number: 1,
      title: 'Design Doc 001: Interest Stream',
      status: 'accepted',
      date: null,
    });
    assert.deepStrictEqual(shown(index, 'plugin-sidecar.md'), {
      ...NOBODY,
      number: null,
      title: 'Plugin sidecar',
      status: null,
      date: '2022-05-02',
      authors: ['@johscheuer'],
    });
    assert.strictEqual(shown(index, 'prose-status.md').status, null);
  });

  it('fields are the block at the top: prose further down, a body table, a placeholder or a sentence under `## Status`, and fields over a `---` rule are read as they are meant', async () => {
    const { index } = await indexOf({
      'docs/design/diagram.md': `# Request flow\n\n| Client${' '.repeat(400)}Server v\n`,
      'docs/design/search.md':
        '# Search rewrite\n\nWe rewrite search.\nIt is slow today.\nMore text here.\n\n### Open questions\n\nStatus: we think the index is fine, but latency is not.\nOwner: whoever is on call\n',
      'docs/design/states.md': '# States\n\nIntro one.\nIntro two.\nIntro three.\n\n| State | Meaning |\n|---|---|\n| Owner | Team |\n',
      'docs/design/see-below.md': '# See below\n\n## Status\n\nSee below\n',
      'docs/design/tbd.md': '# To be decided\n\n## Status\n\nTBD\n',
      'docs/design/deciding.md': '# Deciding\n\n## Status\n\nWe are still deciding on it\n',
      'docs/design/x-feature.md': 'Author: Ada Lovelace\nStatus: Draft\nLast updated: 2024-03-01\n---\n\n## Summary\n\nx\n',
      'docs/design/bazel.md': 'This document proposes moving to Bazel for every build we run.\n---\n\nMore.\n',
      'docs/design/exec-summary.md': '## Executive Summary\n\nx\n',
    });
    assert.deepStrictEqual(shown(index, 'diagram.md'), { ...NOBODY, number: null, title: 'Request flow', status: null, date: null });
    assert.deepStrictEqual(shown(index, 'search.md'), { ...NOBODY, number: null, title: 'Search rewrite', status: null, date: null });
    assert.deepStrictEqual(shown(index, 'states.md'), { ...NOBODY, number: null, title: 'States', status: null, date: null });
    for (const name of ['see-below.md', 'tbd.md', 'deciding.md']) assert.strictEqual(shown(index, name).status, null, name);
    assert.deepStrictEqual(shown(index, 'x-feature.md'), {
      ...NOBODY,
      number: null,
      title: 'X feature',
      status: 'draft',
      date: '2024-03-01',
      authors: ['Ada Lovelace'],
    });
    assert.strictEqual(shown(index, 'bazel.md').title, 'Bazel');
    assert.strictEqual(shown(index, 'exec-summary.md').title, 'Exec summary');
  });
});
