import * as vscode from 'vscode';
import { joinPath, relativeTo } from '../../core/store/fileSystem';
import { CONVENTIONAL_MENTORING_FOLDER } from '../../core/index/recordFolders';
import { RecordIndex } from '../../core/index/recordIndex';
import { LodestarRecord } from '../../core/records/record';
import { groupMentees, Mentee } from '../../core/listing/recordGroups';
import { readSettings } from '../settings';
import { WorkspaceRecords } from '../workspaceRecords';

/**
 * Where mentees are listed and where their new records go. With one
 * mentoring folder (the usual case) the private notebook's mentees and notes
 * join that folder's list, so a private career note shows under the same
 * mentee; with several, the notebook is a list of its own.
 */
export interface MentoringScope {
  /** The workspace folder's index (the notebook's when the scope is the notebook alone). */
  index: RecordIndex;
  /** The mentoring folder (it may not exist yet). */
  folder: string;
  label: string;
  /** The notebook's mentees are merged in. */
  withNotebook: boolean;
  /** The scope is the private notebook. */
  notebookOnly: boolean;
}

export interface MenteeEntry {
  handle: string;
  /** The profile's name, else the handle. */
  name: string;
  mentee: Mentee;
  scope: MentoringScope;
  /** Where this mentee's new records go: their folder's mentoring folder, or the notebook's when they live only there. */
  folder: string;
  /** The mentee lives only in the private notebook: their new records go there too, marked private. */
  private: boolean;
}

function isMentoring(r: LodestarRecord): boolean {
  return r.kind === 'person' || r.kind === 'session';
}

/** A workspace folder's mentoring folder: the one found, else where the setting or the convention puts it. */
export function mentoringFolderOf(folder: vscode.WorkspaceFolder, index: RecordIndex): string {
  return (
    index.folders.find((f) => f.kind === 'mentoring')?.path ?? joinPath(index.root, readSettings(folder).mentoringDirectory || CONVENTIONAL_MENTORING_FOLDER)
  );
}

export function mentoringScopes(records: WorkspaceRecords): MentoringScope[] {
  const indexes = records.indexes();
  const notebookIndex = records.notebook.index;
  const notebookFolder = records.notebook.location?.mentoringFolder;
  const notebookScope: MentoringScope[] =
    notebookIndex && notebookFolder && records.notebook.records().some((r) => r.folder === notebookFolder && isMentoring(r))
      ? [{ index: notebookIndex, folder: notebookFolder, label: 'Private notebook', withNotebook: false, notebookOnly: true }]
      : [];
  const found = indexes.flatMap(({ folder: ws, index }) =>
    index.folders
      .filter((f) => f.kind === 'mentoring')
      .map((f) => ({ index, folder: f.path, label: indexes.length > 1 ? `${ws.name}: ${relativeTo(index.root, f.path)}` : relativeTo(index.root, f.path) })),
  );
  if (found.length > 1) return [...found.map((f) => ({ ...f, withNotebook: false, notebookOnly: false })), ...notebookScope];
  const first =
    found[0] ??
    (indexes[0] && {
      index: indexes[0].index,
      folder: mentoringFolderOf(indexes[0].folder, indexes[0].index),
      label: relativeTo(indexes[0].index.root, mentoringFolderOf(indexes[0].folder, indexes[0].index)),
    });
  if (first) return [{ ...first, withNotebook: true, notebookOnly: false }];
  return notebookScope;
}

/** The mentees of a scope, by name. */
export function menteeEntries(records: WorkspaceRecords, scope: MentoringScope): MenteeEntry[] {
  const notebookFolder = records.notebook.location?.mentoringFolder ?? '';
  const own = scope.notebookOnly ? [] : scope.index.records().filter((r) => r.folder === scope.folder && isMentoring(r));
  const notebook = scope.notebookOnly || scope.withNotebook ? records.notebook.records().filter((r) => r.folder === notebookFolder && isMentoring(r)) : [];
  return groupMentees([...own, ...notebook]).map((mentee) => {
    const inWorkspace = !scope.notebookOnly && [mentee.profile, ...mentee.sessions].some((r) => r !== undefined && !records.notebook.owns(r.path));
    return {
      handle: mentee.handle,
      name: mentee.profile?.title ?? mentee.handle,
      mentee,
      scope,
      folder: inWorkspace ? scope.folder : notebookFolder,
      private: !inWorkspace,
    };
  });
}

/** Every mentee in every scope. */
export function allMentees(records: WorkspaceRecords): MenteeEntry[] {
  return mentoringScopes(records).flatMap((scope) => menteeEntries(records, scope));
}

/** A mentee by handle (case-insensitive, `@` ignored), optionally in the workspace folder `root`. */
export function findMentee(records: WorkspaceRecords, handle: string, root?: string): MenteeEntry | undefined {
  const wanted = handle.trim().replace(/^@/, '').toLowerCase();
  return allMentees(records).find((e) => e.handle.toLowerCase() === wanted && (!root || e.scope.index.root === root));
}
