import * as vscode from 'vscode';
import { GroupBy, RecordTreeNode, StatusTreeProvider } from './recordTrees';

/**
 * Filter and group-by for a status view: title-bar commands, the filter shown
 * as the view's description, and both remembered per workspace. Each command
 * takes an optional argument so keybindings and tests can skip the prompt.
 */
export function registerViewControls(
  context: vscode.ExtensionContext,
  viewId: 'lodestar.decisions' | 'lodestar.designDocs',
  noun: string,
  provider: StatusTreeProvider,
  view: vscode.TreeView<RecordTreeNode>,
): void {
  const filterKey = `${viewId}.filter`;
  const groupKey = `${viewId}.groupBy`;
  const apply = (): void => {
    view.description = provider.currentFilter ? `filter: ${provider.currentFilter}` : undefined;
    void vscode.commands.executeCommand('setContext', `${viewId}.filtered`, provider.currentFilter !== '');
    void context.workspaceState.update(filterKey, provider.currentFilter);
    void context.workspaceState.update(groupKey, provider.currentGroupBy);
  };
  provider.setFilter(context.workspaceState.get<string>(filterKey, ''));
  provider.setGroupBy(context.workspaceState.get<GroupBy>(groupKey, 'status'));
  apply();

  context.subscriptions.push(
    vscode.commands.registerCommand(`${viewId}.filter`, async (query?: string) => {
      const value =
        typeof query === 'string'
          ? query
          : await vscode.window.showInputBox({
              title: `Filter ${noun}`,
              value: provider.currentFilter,
              prompt: 'Words in the title, a number, status:NAME or tag:NAME (e.g. "kafka status:proposed tag:security"). Empty shows everything.',
            });
      if (value === undefined) return;
      provider.setFilter(value);
      apply();
    }),
    vscode.commands.registerCommand(`${viewId}.clearFilter`, () => {
      provider.setFilter('');
      apply();
    }),
    vscode.commands.registerCommand(`${viewId}.groupBy`, async (mode?: GroupBy) => {
      const picked =
        mode ??
        (
          await vscode.window.showQuickPick(
            [
              { label: 'Status', description: 'open ones first', mode: 'status' as const },
              { label: 'None', description: 'one list, by number', mode: 'none' as const },
            ],
            { title: `Group ${noun} by`, placeHolder: `Folders stay separate when there are several` },
          )
        )?.mode;
      if (!picked) return;
      provider.setGroupBy(picked);
      apply();
    }),
  );
}
