import * as vscode from 'vscode';
import { planNewDesignDoc } from '../../core/design/newDesignDoc';
import { validateDecisionTitle } from '../../core/decisions/newDecision';
import { relativeTo, toPortPath } from '../../core/store/fileSystem';
import { RecordIndex } from '../../core/index/recordIndex';
import { CONVENTIONAL_DESIGN_FOLDERS } from '../../core/index/recordFolders';
import { WorkspaceRecords } from '../workspaceRecords';
import { createAndOpen, templateInside } from '../support/documentEdits';
import { today } from '../../core/records/calendar';
import { inputStep, runSteps } from '../support/stepInput';
import { refusedInRestrictedMode } from '../support/restrictedMode';

export interface NewDesignDocArgs {
  title: string;
  folder?: string;
  authors?: string[];
}

interface DesignFolderChoice {
  index: RecordIndex;
  folder: string;
  label: string;
}

/**
 * `Lodestar: New Design Doc…` — title and authors, in the design folder (asked
 * when there are several), from the project template when there is one
 * (`lodestar.design.template`, else `templates/template.md` in the folder),
 * else the built-in one: context, goals, non-goals, proposal, alternatives,
 * risks, rollout, with the DESIGN's front matter.
 */
export function registerNewDesignDocCommand(records: WorkspaceRecords): vscode.Disposable {
  return vscode.commands.registerCommand('lodestar.newDesignDoc', async (args?: NewDesignDocArgs): Promise<string | undefined> => {
    if (refusedInRestrictedMode('create design docs')) return undefined;
    await records.ready();
    const choice = await chooseDesignFolder(records, args?.folder, args !== undefined);
    if (!choice) return undefined;
    let title: string;
    let authors: string[];
    if (args) {
      title = args.title;
      authors = args.authors ?? [];
    } else {
      const values = await runSteps([
        inputStep({
          title: 'New Design Doc',
          prompt: `Title of the design doc, in ${choice.label}`,
          placeholder: 'e.g. Search rewrite',
          validate: (v) => validateDecisionTitle(v)?.replace('A decision record', 'A design doc'),
        }),
        inputStep({ title: 'New Design Doc: authors (optional)', prompt: 'Authors, separated by commas; Enter to skip', placeholder: 'e.g. dana, sam' }),
      ]);
      if (!values) return undefined;
      title = values[0] as string;
      authors = (values[1] as string)
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean);
    }
    let existingNames: string[] = [];
    try {
      existingNames = (await vscode.workspace.fs.readDirectory(vscode.Uri.file(choice.folder))).map(([name]) => name);
    } catch {
      // A folder that does not exist yet is created with the file.
    }
    let plan;
    try {
      plan = planNewDesignDoc({ folder: choice.folder, title, date: today(), authors, template: await projectTemplate(choice), existingNames });
    } catch (e) {
      void vscode.window.showErrorMessage(`Lodestar: ${(e as Error).message} Nothing was written.`);
      return undefined;
    }
    const ok = await createAndOpen(plan.path, plan.content, plan.cursorLine);
    if (!ok) {
      void vscode.window.showErrorMessage(
        `Could not create ${relativeTo(choice.index.root, plan.path)}: a file of that name may already exist. Nothing was changed.`,
      );
      return undefined;
    }
    await records.refreshPaths([plan.path]);
    return plan.path;
  });
}

async function projectTemplate(choice: DesignFolderChoice): Promise<string | undefined> {
  const setting = vscode.workspace.getConfiguration('lodestar', vscode.Uri.file(choice.index.root)).get<string>('design.template', '');
  const uri = setting ? templateInside(choice.index.root, setting) : vscode.Uri.file(`${choice.folder}/templates/template.md`);
  if (!uri) return undefined;
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    if (setting) void vscode.window.showWarningMessage(`Lodestar: the design template ${setting} could not be read; the built-in template was used.`);
    return undefined;
  }
}

async function chooseDesignFolder(records: WorkspaceRecords, folder: string | undefined, quiet: boolean): Promise<DesignFolderChoice | undefined> {
  const several = records.indexes().length > 1;
  const choices: DesignFolderChoice[] = records
    .indexes()
    .flatMap(({ folder: ws, index }) =>
      index.folders
        .filter((f) => f.kind === 'design')
        .map((f) => ({ index, folder: f.path, label: `${several ? `${ws.name}: ` : ''}${relativeTo(index.root, f.path)}` })),
    );
  if (folder) {
    const wanted = choices.find((c) => c.folder === toPortPath(folder));
    if (!wanted) void vscode.window.showErrorMessage(`${folder} is not a design-doc folder Lodestar knows. Nothing was written.`);
    return wanted;
  }
  if (choices.length === 0) {
    const first = records.indexes()[0];
    if (!first) {
      void vscode.window.showWarningMessage('Open a folder to create design docs in it.');
      return undefined;
    }
    return { index: first.index, folder: `${first.index.root}/${CONVENTIONAL_DESIGN_FOLDERS[0]}`, label: CONVENTIONAL_DESIGN_FOLDERS[0] };
  }
  if (choices.length === 1 || quiet) return choices[0];
  const picked = await vscode.window.showQuickPick(
    choices.map((c) => ({ label: c.label, choice: c })),
    { title: 'New Design Doc: which folder?' },
  );
  return picked?.choice;
}
