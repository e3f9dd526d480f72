import * as vscode from 'vscode';
import { tracked } from './quickInputs';

/** One step of a multi-step input: resolves to its value, `back`, or undefined when cancelled. */
export type Step<T> = (position: { step: number; total: number }) => Promise<T | 'back' | undefined>;

/** Runs steps in order; Back returns to the previous step, Escape cancels the whole input. */
export async function runSteps(steps: Step<unknown>[]): Promise<unknown[] | undefined> {
  const values: unknown[] = [];
  for (let i = 0; i < steps.length;) {
    const value = await steps[i]({ step: i + 1, total: steps.length });
    if (value === undefined) return undefined;
    if (value === 'back') {
      i = Math.max(0, i - 1);
      continue;
    }
    values[i] = value;
    i++;
  }
  return values;
}

/** A text step; `describe` rewrites the prompt as the user types (what will be written, e.g. the file name). */
export function inputStep(options: {
  title: string;
  prompt: string;
  placeholder?: string;
  value?: () => string;
  validate?: (v: string) => string | undefined;
  describe?: (v: string) => string;
}): Step<string> {
  return ({ step, total }) =>
    new Promise((resolve) => {
      const box = tracked(vscode.window.createInputBox());
      box.title = options.title;
      box.step = step;
      box.totalSteps = total;
      box.placeholder = options.placeholder;
      box.value = options.value?.() ?? '';
      const prompt = (v: string): string => (options.describe ? `${options.prompt}. ${options.describe(v)}` : options.prompt);
      box.prompt = prompt(box.value);
      box.ignoreFocusOut = true;
      if (step > 1) box.buttons = [vscode.QuickInputButtons.Back];
      let done = false;
      const finish = (v: string | 'back' | undefined): void => {
        if (done) return;
        done = true;
        resolve(v);
        box.dispose();
      };
      // While typing, an empty box is not yet an error; on Enter it is.
      box.onDidChangeValue((v) => {
        box.validationMessage = v === '' ? undefined : options.validate?.(v);
        if (options.describe) box.prompt = prompt(v);
      });
      box.onDidAccept(() => {
        const problem = options.validate?.(box.value);
        if (problem) box.validationMessage = problem;
        else finish(box.value);
      });
      box.onDidTriggerButton(() => finish('back'));
      box.onDidHide(() => finish(undefined));
      box.show();
    });
}

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

/** A pick (one, or `many` as a checklist). With `many`, items marked `picked` start ticked: prefilled from what git shows. */
export function pickStep<T>(options: { title: string; placeholder: string; items: () => PickItem<T>[]; many?: boolean }): Step<T[]> {
  return ({ step, total }) =>
    new Promise((resolve) => {
      const pick = tracked(vscode.window.createQuickPick<PickItem<T>>());
      pick.title = options.title;
      pick.step = step;
      pick.totalSteps = total;
      pick.placeholder = options.placeholder;
      pick.canSelectMany = options.many ?? false;
      pick.matchOnDescription = true;
      const items = options.items();
      pick.items = items;
      // createQuickPick ignores `picked`; selectedItems is how a checklist starts ticked.
      if (options.many) pick.selectedItems = items.filter((i) => i.picked);
      // The first row (never a separator) active from the start, as the pick would make it anyway: said here, a
      // later choice (a test setting activeItems) is not overridden when the pick reports its own first focus.
      else {
        const first = items.find((i) => i.kind !== vscode.QuickPickItemKind.Separator);
        if (first) pick.activeItems = [first];
      }
      pick.ignoreFocusOut = true;
      if (step > 1) pick.buttons = [vscode.QuickInputButtons.Back];
      let done = false;
      const finish = (v: T[] | 'back' | undefined): void => {
        if (done) return;
        done = true;
        resolve(v);
        pick.dispose();
      };
      pick.onDidAccept(() => finish(options.many ? pick.selectedItems.map((i) => i.value) : pick.activeItems.map((i) => i.value)));
      pick.onDidTriggerButton(() => finish('back'));
      pick.onDidHide(() => finish(undefined));
      pick.show();
    });
}

/** The same step, remembering its last value in `keep` so later steps can build on it. */
export function remembered<T>(step: Step<T>, keep: (value: T) => void): Step<T> {
  return async (position) => {
    const value = await step(position);
    if (value !== undefined && value !== 'back') keep(value);
    return value;
  };
}
