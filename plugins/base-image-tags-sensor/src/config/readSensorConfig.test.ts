import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSensorConfig } from './readSensorConfig';
import { SensorConfigProblems } from './SensorConfigProblems';

const token = 'sensor-config-token-0123456789';

function read(data: Record<string, unknown>) {
  const problems = new SensorConfigProblems('sensor.yaml');
  const settings = readSensorConfig(new ConfigReader(data as any), problems);
  return {
    settings,
    problems: problems.list(),
    throwIfAny: () => problems.throwIfAny(),
  };
}

describe('readSensorConfig', () => {
  it('fills defaults around the required keys', () => {
    const { settings, problems } = read({
      auth: { tokens: [token] },
      allow: ['registry.internal:5000/team'],
    });
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      host: '0.0.0.0',
      port: 8080,
      tls: undefined,
      maxConcurrentListings: 4,
      maxQueuedListings: 16,
      queueTimeoutMs: 10_000,
      requestTimeoutMs: 180_000,
      tokens: [token],
      tokenFiles: [],
      allow: [{ host: 'registry.internal:5000', prefix: 'team' }],
      logLevel: 'info',
    });
  });

  it('reads server settings, durations and token files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sensor-config-'));
    try {
      const tokenFile = path.join(dir, 'token');
      fs.writeFileSync(tokenFile, `${token}\n`);
      fs.writeFileSync(path.join(dir, 'tls.crt'), 'CERT');
      fs.writeFileSync(path.join(dir, 'tls.key'), 'KEY');
      const { settings, problems } = read({
        server: {
          host: '127.0.0.1',
          port: 0,
          tls: {
            certFile: path.join(dir, 'tls.crt'),
            keyFile: path.join(dir, 'tls.key'),
          },
          maxConcurrentListings: 8,
          maxQueuedListings: 0,
          queueTimeout: '2s',
          requestTimeout: { minutes: 1 },
        },
        auth: { tokenFiles: [tokenFile] },
        allow: ['mirror.internal'],
        log: { level: 'debug' },
      });
      expect(problems).toEqual([]);
      expect(settings).toMatchObject({
        host: '127.0.0.1',
        port: 0,
        tls: { cert: Buffer.from('CERT'), key: Buffer.from('KEY') },
        maxConcurrentListings: 8,
        maxQueuedListings: 0,
        queueTimeoutMs: 2000,
        requestTimeoutMs: 60_000,
        tokens: [],
        tokenFiles: [tokenFile],
        logLevel: 'debug',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports every problem at once with the key to fix, never a token', () => {
    const { problems, throwIfAny } = read({
      server: {
        port: 70000,
        tls: { certFile: '/nonexistent/tls.crt' },
        maxConcurrentListings: 0,
        requestTimeout: 'soon',
        colour: 'blue',
      },
      auth: { tokens: ['short-secret'], tokenFiles: ['/nonexistent/token'] },
      allow: ['https://registry.internal/team', 'registry.internal/*'],
      log: { level: 'loud' },
    });
    const keys = problems.map(problem => problem.split(':')[0]);
    expect(keys).toEqual(
      expect.arrayContaining([
        'server',
        'server.port',
        'server.tls.certFile',
        'server.tls.keyFile',
        'server.maxConcurrentListings',
        'server.requestTimeout',
        'auth.tokens[0]',
        'auth.tokenFiles[0]',
        'allow[0]',
        'allow[1]',
        'log.level',
      ]),
    );
    expect(problems.join('\n')).not.toContain('short-secret');
    expect(throwIfAny).toThrow(
      /Invalid sensor configuration in sensor.yaml; fix these keys:\n {2}- /,
    );
  });

  it('requires at least one token and one allowed registry', () => {
    const { problems } = read({});
    expect(problems).toEqual([
      expect.stringMatching(/^auth: set auth.tokens or auth.tokenFiles/),
      expect.stringMatching(/^allow: list the registries/),
    ]);
  });
});
