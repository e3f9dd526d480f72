import { addFrontMatterListItem, FrontMatterListEdit, FrontMatterListOutcome } from '../records/frontMatterEdit';

export type PullRequestLinkOutcome = FrontMatterListOutcome;
export type PullRequestLinkEdit = FrontMatterListEdit;

const KEYS = ['pullRequests', 'pull-requests'];

/** Two references to the same pull request: case and a trailing `/` do not matter. */
export function samePullRequest(a: string, b: string): boolean {
  return a.trim().replace(/\/+$/, '').toLowerCase() === b.trim().replace(/\/+$/, '').toLowerCase();
}

/**
 * Adds a pull-request URL to a record's front-matter `pullRequests` list,
 * keeping every other byte: BOM, line endings, comments, key order, quoting
 * and scalar types. The list may be a block list, a one-line flow list, a
 * comma-separated string (it becomes a flow list), empty or absent (the key
 * is added before the closing fence). A record without front matter gets
 * some. A URL already there (also under `pull-requests`) is not added twice.
 * Front matter that cannot be edited safely (malformed, a flow mapping, a
 * multi-line flow list, a block scalar) is left alone with a reason.
 */
export function addPullRequestLink(text: string, url: string): PullRequestLinkEdit {
  const item = url.trim();
  if (item === '' || /\s/.test(item)) return { text, outcome: 'unsupported', reason: 'A pull-request reference is one URL without spaces.' };
  return addFrontMatterListItem(text, KEYS, item, samePullRequest, 'link', 'pull-request');
}
