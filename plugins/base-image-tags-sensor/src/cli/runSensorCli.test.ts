import {
  DistributionRegistry,
  startDistributionRegistry,
  writePullSecret,
} from '@base-image-tags/plugin-base-image-tags-node/testing';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  runSensorCommand,
  SensorProcess,
  startSensorProcess,
} from '../testing/startSensorProcess';

jest.setTimeout(60_000);

const token = 'sensor-process-token-0123456789';

async function postTags(
  sensor: SensorProcess,
  body: unknown,
  authorization = `Bearer ${token}`,
) {
  const response = await fetch(`${sensor.url}/v1/tags`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('base-image-tags-sensor command', () => {
  let registry: DistributionRegistry;
  let dir: string;
  let sensor: SensorProcess | undefined;

  beforeAll(async () => {
    registry = await startDistributionRegistry({ auth: 'htpasswd' });
    await registry.pushTags('team/base', ['1.0.0', '1.1.0', '2.0.0']);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sensor-cli-'));
  });

  afterAll(async () => {
    await registry?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    await sensor?.stop('SIGKILL');
    sensor = undefined;
  });

  it('lists tags with the credentials of a mounted pull secret', async () => {
    const { username, password } = registry.credentials!;
    const secret = path.join(dir, '.dockerconfigjson');
    writePullSecret(secret, registry.host, { username, password });
    sensor = await startSensorProcess({
      server: { host: '127.0.0.1', port: 0 },
      auth: { tokens: [token] },
      allow: [`${registry.host}/team`],
      registries: [{ host: registry.host, insecure: true }],
      dockerConfigFiles: [secret],
    });

    const health = await fetch(`${sensor.url}/healthz`);
    expect(health.status).toBe(200);

    const listed = await postTags(sensor, {
      registry: registry.host,
      repository: 'team/base',
    });
    expect(listed.status).toBe(200);
    expect([...listed.body.tags].sort()).toEqual(['1.0.0', '1.1.0', '2.0.0']);
    expect(listed.body.pages).toBeGreaterThanOrEqual(1);

    const missing = await postTags(sensor, {
      registry: registry.host,
      repository: 'team/missing',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      name: 'RegistryError',
      kind: 'not-found',
    });

    const lines = await sensor.waitForLogLines(
      line => String(line.message).startsWith('POST'),
      2,
    );
    expect(lines).toEqual([
      expect.objectContaining({
        repository: `${registry.host}/team/base`,
        outcome: 'ok',
        durationMs: expect.any(Number),
      }),
      expect.objectContaining({
        repository: `${registry.host}/team/missing`,
        outcome: 'not-found',
      }),
    ]);
    const output = sensor.output();
    expect(output).not.toContain(password);
    expect(output).not.toContain(token);
    expect(output).not.toContain(
      Buffer.from(`${username}:${password}`).toString('base64'),
    );

    // SIGTERM stops it cleanly.
    expect(await sensor.stop('SIGTERM')).toBe(0);
    sensor = undefined;
  });

  it('reports every configuration problem at start-up and exits 1', async () => {
    const result = await runSensorCommand({
      config: {
        server: { port: 'eighty' },
        auth: { tokens: ['too-short'] },
        allow: ['registry.internal/Team'],
        registries: [{ host: 'https://registry.internal' }],
      },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('fix these keys');
    for (const key of [
      'server.port',
      'auth.tokens[0]',
      'allow[0]',
      'registry client',
    ]) {
      expect(result.stderr).toContain(`- ${key}:`);
    }
    expect(result.stderr).not.toContain('too-short');
  });

  it('explains a missing or unreadable --config', async () => {
    const missing = await runSensorCommand({ args: [] });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Missing --config');
    expect(missing.stderr).toContain('Usage: base-image-tags-sensor');

    const unreadable = await runSensorCommand({
      args: ['--config', path.join(dir, 'nope.yaml')],
    });
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toMatch(
      /Cannot read the sensor config .*nope.yaml \(ENOENT\)/,
    );
  });
});
