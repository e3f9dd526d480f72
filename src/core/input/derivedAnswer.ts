/**
 * An answer a flow prefills from earlier ones (a handle from the name, a
 * login from the e-mails): it follows them — after Back and a changed name
 * the new suggestion shows — until the user types their own; from then on
 * what they typed stays.
 */
export class DerivedAnswer {
  private typed: string | undefined;
  private lastSuggestion = '';

  /** What the step shows: the user's own answer, else the suggestion from the answers so far. */
  value(suggestion: string): string {
    this.lastSuggestion = suggestion;
    return this.typed ?? suggestion;
  }

  /** Records what the step holds now: the user's own answer when it differs from the suggestion shown. */
  set(value: string): void {
    this.typed = value === this.lastSuggestion ? undefined : value;
  }

  /** Whether the user typed their own answer. */
  get edited(): boolean {
    return this.typed !== undefined;
  }
}
