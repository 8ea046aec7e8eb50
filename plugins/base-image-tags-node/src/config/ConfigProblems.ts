import { InputError } from '@backstage/errors';

/**
 * Collects every problem of a configuration, so that one start-up error
 * names all keys to fix instead of stopping at the first.
 *
 * @public
 */
export class ConfigProblems {
  private readonly problems: string[] = [];
  private readonly subject: string;

  /**
   * @param subject - What is configured, for the error, e.g.
   * `sensor configuration in sensor.yaml`.
   */
  constructor(subject: string) {
    this.subject = subject;
  }

  /** Records a problem with a key. */
  add(key: string, message: string): void {
    this.problems.push(`${key}: ${message}`);
  }

  /**
   * Runs a read; when it throws, records the error under the key and
   * returns the fallback, so that the remaining keys are still checked.
   */
  read<T>(key: string, read: () => T, fallback: T): T {
    try {
      return read();
    } catch (error) {
      this.add(key, error instanceof Error ? error.message : String(error));
      return fallback;
    }
  }

  /** The problems recorded so far. */
  list(): string[] {
    return [...this.problems];
  }

  /** Throws one `InputError` naming every recorded problem, if any. */
  throwIfAny(): void {
    if (this.problems.length === 0) {
      return;
    }
    throw new InputError(
      `Invalid ${this.subject}; fix these keys:\n${this.problems
        .map(problem => `  - ${problem}`)
        .join('\n')}`,
    );
  }
}
