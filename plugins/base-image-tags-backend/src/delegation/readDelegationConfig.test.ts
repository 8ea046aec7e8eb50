import { ConfigReader } from '@backstage/config';
import { BaseImageTagsConfigProblems } from '../config/BaseImageTagsConfigProblems';
import { readDelegationConfig } from './readDelegationConfig';

const token = 'delegation-token-0123456789';

function config(baseImageTags: Record<string, unknown>) {
  return new ConfigReader({ baseImageTags } as any);
}

describe('readDelegationConfig', () => {
  it('is off without a delegation block', () => {
    expect(readDelegationConfig(new ConfigReader({}))).toEqual({
      enabledFor: 'none',
      rules: [],
      sensors: [],
    });
  });

  it('reads sensors, rules in order and the default sensor', () => {
    const settings = readDelegationConfig(
      config({
        delegation: {
          enabledFor: 'specific',
          defaultSensor: 'cluster-a',
          registries: [
            { path: 'registry.internal/team/special', sensor: 'cluster-b' },
            { path: 'Registry.Internal/team/' },
            { path: 'mirror.internal:5000', sensor: 'cluster-b' },
          ],
        },
        sensors: [
          {
            name: 'cluster-a',
            url: 'https://sensor.cluster-a.example.com/',
            token,
          },
          {
            name: 'cluster-b',
            url: 'http://sensor.tools.svc:8080/base',
            token: ` ${token} `,
            timeout: '30s',
          },
        ],
      }),
    );
    expect(settings).toEqual({
      enabledFor: 'specific',
      defaultSensor: 'cluster-a',
      rules: [
        {
          path: { host: 'registry.internal', prefix: 'team/special' },
          sensor: 'cluster-b',
        },
        {
          path: { host: 'registry.internal', prefix: 'team' },
          sensor: 'cluster-a',
        },
        {
          path: { host: 'mirror.internal:5000', prefix: '' },
          sensor: 'cluster-b',
        },
      ],
      sensors: [
        {
          name: 'cluster-a',
          url: 'https://sensor.cluster-a.example.com',
          token,
          timeoutMs: 240_000,
          ca: undefined,
          configKey: 'baseImageTags.sensors[0]',
        },
        {
          name: 'cluster-b',
          url: 'http://sensor.tools.svc:8080/base',
          token,
          timeoutMs: 30_000,
          ca: undefined,
          configKey: 'baseImageTags.sensors[1]',
        },
      ],
    });
  });

  it('reports every problem together with the keys to fix', () => {
    const read = () =>
      readDelegationConfig(
        config({
          delegation: {
            enabledFor: 'all',
            registries: [
              { path: '', sensor: 'cluster-a' },
              { path: 'registry.internal/team', sensor: 'cluster-x' },
              { path: 'registry.internal/other' },
              { path: 'https://registry.internal/x', sensor: 'cluster-a' },
            ],
          },
          sensors: [
            { name: 'cluster-a', url: 'https://a.example.com', token },
            { name: 'cluster-a', url: 'https://b.example.com', token },
            { name: 'bad name', url: 'ftp://c.example.com', token: 'short' },
            { url: 'https://user:pw@d.example.com', token, timeout: 'soon' },
            { name: 'no-token', url: 'https://e.example.com', caFile: '/nope' },
          ],
        }),
      );
    expect(read).toThrow(/fix these keys/);
    let message = '';
    try {
      read();
    } catch (error) {
      message = (error as Error).message;
    }
    const expectedKeys = [
      'baseImageTags.delegation.defaultSensor: is required when enabledFor is "all"',
      'baseImageTags.delegation.registries[0].path: must not be empty',
      'baseImageTags.delegation.registries[1].sensor: unknown sensor "cluster-x"; configured sensors are cluster-a',
      'baseImageTags.delegation.registries[2].sensor: name a sensor, or set baseImageTags.delegation.defaultSensor',
      'baseImageTags.delegation.registries[3].path: "https://registry.internal/x" must be written without a scheme',
      'baseImageTags.sensors[1].name: "cluster-a" is used by an earlier sensor',
      'baseImageTags.sensors[2].name: use letters, digits',
      'baseImageTags.sensors[2].url: must start with https:// or http://',
      'baseImageTags.sensors[2].token: is shorter than 16 characters',
      'baseImageTags.sensors[3].name:',
      'baseImageTags.sensors[3].url: must hold no user, password, query or fragment',
      'baseImageTags.sensors[3].timeout:',
      'baseImageTags.sensors[4].token:',
      'baseImageTags.sensors[4].caFile: cannot read /nope (ENOENT)',
    ];
    for (const expected of expectedKeys) {
      expect(message).toContain(expected);
    }
    expect(message).not.toContain('short"');
    expect(message).not.toContain(':pw@');
  });

  it('names an unknown default sensor once, and a missing registry list', () => {
    expect(() =>
      readDelegationConfig(
        config({
          delegation: {
            enabledFor: 'specific',
            defaultSensor: 'nowhere',
          },
        }),
      ),
    ).toThrow(
      /defaultSensor: unknown sensor "nowhere"; no sensor is configured; add one under baseImageTags.sensors\n.*delegation.registries: list the registry paths/,
    );
  });

  it('refuses an unknown mode and unknown keys', () => {
    expect(() =>
      readDelegationConfig(
        config({
          delegation: { enabledFor: 'some', registry: [] },
        }),
      ),
    ).toThrow(
      /delegation: unknown keys registry.*\n.*enabledFor: must be one of none, all, specific, got "some"/,
    );
  });

  it('adds its problems to a shared collector without throwing', () => {
    const problems = new BaseImageTagsConfigProblems();
    problems.add('baseImageTags.interval', 'must be a positive duration');
    const settings = readDelegationConfig(
      config({ delegation: { enabledFor: 'all' } }),
      problems,
    );
    expect(settings.enabledFor).toBe('all');
    expect(() => problems.throwIfAny()).toThrow(
      /interval: must be a positive duration\n.*defaultSensor: is required/,
    );
  });
});
