import { InputError } from '@backstage/errors';

/**
 * Collects every problem of the sensor's configuration, so that one
 * start-up error names all keys to fix.
 *
 * @public
 */
export class SensorConfigProblems {
  private readonly problems: string[] = [];
  private readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  /** Records a problem with a key. */
  add(key: string, message: string): void {
    this.problems.push(`${key}: ${message}`);
  }

  /** Runs a read; a thrown error is recorded and the fallback returned. */
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

  /** Throws one `InputError` listing every problem, if there is any. */
  throwIfAny(): void {
    if (this.problems.length > 0) {
      throw new InputError(
        `Invalid sensor configuration in ${
          this.source
        }; fix these keys:\n${this.problems
          .map(problem => `  - ${problem}`)
          .join('\n')}`,
      );
    }
  }
}
