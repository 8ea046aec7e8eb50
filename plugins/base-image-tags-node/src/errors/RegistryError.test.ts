import { CustomErrorBase, InputError } from '@backstage/errors';
import {
  deserializeRegistryError,
  isRegistryError,
  RegistryError,
  serializeRegistryError,
} from './RegistryError';

describe('RegistryError', () => {
  const error = new RegistryError({
    kind: 'rate-limited',
    registry: 'docker.io',
    repository: 'library/alpine',
    message: 'docker.io is rate limiting us',
    retryAfterMs: 2000,
    code: 'TOOMANYREQUESTS',
    status: 429,
  });

  it('is a Backstage custom error', () => {
    expect(error).toBeInstanceOf(CustomErrorBase);
    expect(error.name).toBe('RegistryError');
    expect(isRegistryError(error)).toBe(true);
    expect(isRegistryError(new Error('x'))).toBe(false);
  });

  it('survives JSON serialisation', () => {
    const json = JSON.parse(JSON.stringify(serializeRegistryError(error)));
    expect(json).toEqual({
      name: 'RegistryError',
      kind: 'rate-limited',
      registry: 'docker.io',
      repository: 'library/alpine',
      message: 'docker.io is rate limiting us',
      retryAfterMs: 2000,
      code: 'TOOMANYREQUESTS',
      status: 429,
    });
    const back = deserializeRegistryError(json);
    expect(back).toBeInstanceOf(RegistryError);
    expect(serializeRegistryError(back)).toEqual(json);
  });

  it('leaves optional fields out', () => {
    const plain = new RegistryError({
      kind: 'not-found',
      registry: 'quay.io',
      repository: 'a/b',
      message: 'gone',
    });
    expect(Object.keys(serializeRegistryError(plain)).sort()).toEqual([
      'kind',
      'message',
      'name',
      'registry',
      'repository',
    ]);
  });

  it.each([
    [null],
    [{ name: 'Error', kind: 'timeout' }],
    [
      {
        name: 'RegistryError',
        kind: 'exploded',
        message: 'm',
        registry: 'r',
        repository: 'p',
      },
    ],
    [
      {
        name: 'RegistryError',
        kind: 'timeout',
        registry: 'r',
        repository: 'p',
      },
    ],
    [
      {
        name: 'RegistryError',
        kind: 'timeout',
        message: 'm',
        registry: 'r',
        repository: 'p',
        retryAfterMs: -1,
      },
    ],
  ])('refuses %j', value => {
    expect(() => deserializeRegistryError(value)).toThrow(InputError);
  });
});
