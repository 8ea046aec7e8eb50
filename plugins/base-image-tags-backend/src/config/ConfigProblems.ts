import { InputError } from '@backstage/errors';

/**
 * Collects every configuration problem so that one startup error lists all
 * keys to fix, instead of stopping at the first.
 *
 * @internal
 */
export class ConfigProblems {
  private readonly problems: string[] = [];

  /** Records a problem with the given key. */
  add(key: string, message: string): void {
    this.problems.push(`${key}: ${message}`);
  }

  /**
   * Runs a read; when it throws, records the error under the key and
   * returns the fallback so that the remaining keys are still checked.
   */
  read<T>(key: string, read: () => T, fallback: T): T {
    try {
      return read();
    } catch (error) {
      this.add(key, error instanceof Error ? error.message : String(error));
      return fallback;
    }
  }

  /** Throws one `InputError` naming every recorded problem, if any. */
  throwIfAny(): void {
    if (this.problems.length === 0) {
      return;
    }
    throw new InputError(
      `Invalid base image tags configuration; fix these keys:\n${this.problems
        .map(problem => `  - ${problem}`)
        .join('\n')}`,
    );
  }
}
