import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigProblems } from './ConfigProblems';
import {
  readConfigDurationMs,
  readConfiguredFile,
  readPositiveDurationMs,
  readWholeNumber,
  reportUnknownKeys,
} from './readConfigValues';

const config = (data: Record<string, unknown>) => new ConfigReader(data as any);

describe('readConfigDurationMs', () => {
  it.each([
    ['3m', 180_000],
    ['PT1H30M', 5_400_000],
    [{ minutes: 2, seconds: 5 }, 125_000],
    [{ days: 1, milliseconds: 1 }, 86_400_001],
  ])('reads %j', (value, expected) => {
    expect(readConfigDurationMs(config({ t: value }), 't')).toBe(expected);
  });

  it('takes a plain number as milliseconds only when asked to', () => {
    expect(
      readConfigDurationMs(config({ t: 2500 }), 't', {
        plainMilliseconds: true,
      }),
    ).toBe(2500);
    expect(() => readConfigDurationMs(config({ t: 2500 }), 't')).toThrow();
  });
});

describe('readPositiveDurationMs', () => {
  const options = { where: 'server.queueTimeout', fallback: 10_000 };

  it('returns the fallback for an absent key', () => {
    const problems = new ConfigProblems('x');
    expect(readPositiveDurationMs(config({}), 't', options, problems)).toBe(
      10_000,
    );
    expect(problems.list()).toEqual([]);
  });

  it('reads a duration', () => {
    const problems = new ConfigProblems('x');
    expect(
      readPositiveDurationMs(config({ t: '2s' }), 't', options, problems),
    ).toBe(2000);
    expect(problems.list()).toEqual([]);
  });

  it('records a malformed duration at its key', () => {
    const problems = new ConfigProblems('x');
    expect(
      readPositiveDurationMs(config({ t: 'soon' }), 't', options, problems),
    ).toBe(10_000);
    expect(problems.list()).toEqual([
      expect.stringMatching(/^server.queueTimeout: .*soon/),
    ]);
  });

  it('refuses a duration that is not positive, with the example given', () => {
    const problems = new ConfigProblems('x');
    readPositiveDurationMs(
      config({ t: 0 }),
      't',
      { ...options, plainMilliseconds: true, example: '30s or 3m' },
      problems,
    );
    readPositiveDurationMs(config({ t: '0ms' }), 't', options, problems);
    expect(problems.list()).toEqual([
      'server.queueTimeout: must be a positive duration such as 30s or 3m',
      'server.queueTimeout: must be a positive duration',
    ]);
  });

  it('refuses a plain number unless it counts as milliseconds', () => {
    const problems = new ConfigProblems('x');
    expect(
      readPositiveDurationMs(config({ t: 5000 }), 't', options, problems),
    ).toBe(10_000);
    expect(problems.list()).toHaveLength(1);
    expect(
      readPositiveDurationMs(
        config({ t: 5000 }),
        't',
        { ...options, plainMilliseconds: true },
        problems,
      ),
    ).toBe(5000);
    expect(problems.list()).toHaveLength(1);
  });
});

describe('readWholeNumber', () => {
  const options = { where: 'server.port', min: 0, max: 65535, fallback: 8080 };

  it('reads a number within bounds and falls back when absent', () => {
    const problems = new ConfigProblems('x');
    expect(readWholeNumber(config({ n: 0 }), 'n', options, problems)).toBe(0);
    expect(readWholeNumber(config({}), 'n', options, problems)).toBe(8080);
    expect(problems.list()).toEqual([]);
  });

  it.each([[70000], [-1], [1.5]])('refuses %p', value => {
    const problems = new ConfigProblems('x');
    expect(readWholeNumber(config({ n: value }), 'n', options, problems)).toBe(
      8080,
    );
    expect(problems.list()).toEqual([
      `server.port: must be a whole number from 0 to 65535, got ${value}`,
    ]);
  });

  it('records a value of the wrong type', () => {
    const problems = new ConfigProblems('x');
    readWholeNumber(config({ n: 'eighty' }), 'n', options, problems);
    expect(problems.list()).toEqual([expect.stringMatching(/^server.port: /)]);
  });
});

describe('reportUnknownKeys', () => {
  it('names the unknown keys and the known ones', () => {
    const problems = new ConfigProblems('x');
    reportUnknownKeys(
      config({ host: 'a', colour: 'blue', size: 1 }),
      'server',
      ['host', 'port'],
      problems,
    );
    expect(problems.list()).toEqual([
      'server: unknown keys colour, size; known keys are host, port',
    ]);
  });

  it('is content with known keys and with an absent block', () => {
    const problems = new ConfigProblems('x');
    reportUnknownKeys(config({ host: 'a' }), 'server', ['host'], problems);
    reportUnknownKeys(undefined, 'server', ['host'], problems);
    expect(problems.list()).toEqual([]);
  });
});

describe('readConfiguredFile', () => {
  it('reads the file, or names the path and the error code', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'configured-file-'));
    try {
      const file = path.join(dir, 'ca.pem');
      fs.writeFileSync(file, 'PEM');
      expect(readConfiguredFile(file)).toEqual(Buffer.from('PEM'));
      expect(() => readConfiguredFile(path.join(dir, 'nope'))).toThrow(
        `cannot read ${path.join(dir, 'nope')} (ENOENT)`,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
