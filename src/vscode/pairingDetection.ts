import * as vscode from 'vscode';
import { GitHistoryWatcher } from './gitHistoryWatcher';
import { createGitExecutor } from '../core/git/gitExecutor';
import { RecordIndex } from '../core/index/recordIndex';
import { loadPeopleDirectory, PeopleDirectory } from '../core/people/identities';
import { detectPairingSessions, groupByDay, loggedPairingSessions, PairingSession, unloggedSessions } from '../core/people/pairing';
import { WorkspaceFileSystem } from './workspaceFileSystem';
import { WorkspaceRecords } from './workspaceRecords';

/** Pairing in one workspace folder: who is who, sessions from co-authored commits, and logged ones. */
export interface FolderPairing {
  directory: PeopleDirectory;
  /** Newest first. */
  detected: PairingSession[];
  logged: PairingSession[];
  /** Why no history was read, when none was. */
  unavailable?: string;
}

/**
 * Detected pairing sessions per workspace folder, read once and kept until
 * the records or the git history change (a commit, a checkout). Git runs only
 * in trusted workspaces: in Restricted Mode there is nothing to detect.
 */
export class PairingDetection implements vscode.Disposable {
  private readonly cache = new Map<string, { version: string; result: Promise<FolderPairing> }>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires when git history moved (detected sessions may differ). */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly fs = new WorkspaceFileSystem();

  constructor(
    private readonly records: WorkspaceRecords,
    private readonly log: vscode.OutputChannel,
    history: GitHistoryWatcher,
  ) {
    this.disposables.push(history.onDidMove(() => this.invalidate()));
  }

  /** Forgets what was read and tells the views. */
  invalidate(): void {
    this.cache.clear();
    this.emitter.fire();
  }

  /** The folder's pairing, or undefined in Restricted Mode. */
  forIndex(index: RecordIndex): Promise<FolderPairing> | undefined {
    if (!vscode.workspace.isTrusted || index === this.records.notebook.index) return undefined;
    const version = `${index.version}:${this.records.notebook.index?.version ?? ''}`;
    const cached = this.cache.get(index.root);
    if (cached?.version === version) return cached.result;
    const result = this.read(index);
    this.cache.set(index.root, { version, result });
    return result;
  }

  private async read(index: RecordIndex): Promise<FolderPairing> {
    const notebook = this.records.notebook.records();
    const directory = await loadPeopleDirectory(
      index,
      this.fs,
      notebook.filter((r) => r.kind === 'person'),
      { trusted: vscode.workspace.isTrusted, git: createGitExecutor(index.root) },
    );
    const logged = loggedPairingSessions([...index.records('session'), ...notebook.filter((r) => r.kind === 'session')], directory);
    try {
      // All of history: git itself skips the commits without co-authors (100,000 commits in well under a second).
      const detected = await detectPairingSessions(createGitExecutor(index.root), directory, { onlyCoAuthored: true });
      if (detected.unavailable) this.log.appendLine(`No pairing detected in ${index.root}: ${detected.unavailable}`);
      return { directory, detected: detected.sessions, logged, unavailable: detected.unavailable };
    } catch (e) {
      this.log.appendLine(`Reading co-authored commits in ${index.root} failed: ${(e as Error).message}`);
      return { directory, detected: [], logged, unavailable: (e as Error).message };
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.emitter.dispose();
  }
}

/** A mentee's person key: their profile's, or for a folder without a profile whoever `.git-coauthors` names so. */
export function menteeKey(pairing: FolderPairing, handle: string): string {
  return pairing.directory.keyFor(handle);
}

/** The mentee's detected sessions that no logged session covers, by day (and the same people), newest first. */
export function unloggedDays(pairing: FolderPairing, handle: string): PairingSession[][] {
  return groupByDay(unloggedSessions(pairing.detected, pairing.logged, menteeKey(pairing, handle)));
}
