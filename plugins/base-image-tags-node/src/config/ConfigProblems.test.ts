import { InputError } from '@backstage/errors';
import { ConfigProblems } from './ConfigProblems';

describe('ConfigProblems', () => {
  it('throws nothing while no problem is recorded', () => {
    const problems = new ConfigProblems('sensor configuration');
    expect(problems.read('server.port', () => 8080, 0)).toBe(8080);
    expect(problems.list()).toEqual([]);
    expect(() => problems.throwIfAny()).not.toThrow();
  });

  it('records a failed read under its key and goes on with the fallback', () => {
    const problems = new ConfigProblems('sensor configuration');
    const value = problems.read(
      'server.port',
      () => {
        throw new Error('expected a number');
      },
      8080,
    );
    expect(value).toBe(8080);
    expect(problems.list()).toEqual(['server.port: expected a number']);
  });

  it('names every problem and the subject in one InputError', () => {
    const problems = new ConfigProblems('sensor configuration in sensor.yaml');
    problems.add('allow', 'list the registries');
    problems.read(
      'log.level',
      () => {
        // A config reader may throw anything; the message still shows.
        // eslint-disable-next-line no-throw-literal
        throw 'not an Error';
      },
      'info',
    );
    let thrown: unknown;
    try {
      problems.throwIfAny();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InputError);
    expect((thrown as Error).message).toBe(
      'Invalid sensor configuration in sensor.yaml; fix these keys:\n' +
        '  - allow: list the registries\n' +
        '  - log.level: not an Error',
    );
  });

  it('hands out a copy of its list', () => {
    const problems = new ConfigProblems('x');
    problems.list().push('injected');
    expect(problems.list()).toEqual([]);
  });
});
