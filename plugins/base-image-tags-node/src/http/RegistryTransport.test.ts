import { defaultRegistryLimits } from '../client/RegistryClientOptions';
import { describeCause } from './RegistryTransport';

const url = new URL('https://registry.example.test:5000/v2/alpine/tags/list');
const failure = (code: string) =>
  Object.assign(new Error(`connect ${code}`), { code });

describe('describeCause', () => {
  it.each([
    ['ENOTFOUND', 'cannot resolve registry.example.test (ENOTFOUND)'],
    ['EAI_AGAIN', 'cannot resolve registry.example.test (EAI_AGAIN)'],
    [
      'ECONNREFUSED',
      'registry.example.test:5000 refused the connection (ECONNREFUSED)',
    ],
    [
      'ETIMEDOUT',
      'connecting to registry.example.test:5000 timed out (ETIMEDOUT)',
    ],
  ])('points at the host, the network and the proxy for %s', (code, start) => {
    const error = describeCause(failure(code), url, defaultRegistryLimits);
    expect(error.message).toBe(
      `${start}; check the registry host and this machine's network or proxy (HTTPS_PROXY)`,
    );
    expect(error.kind).toBe('network');
  });

  it('keeps the TLS advice for certificate failures', () => {
    const error = describeCause(
      failure('UNABLE_TO_VERIFY_LEAF_SIGNATURE'),
      url,
      defaultRegistryLimits,
    );
    expect(error.message).toContain('set caFile for this registry');
  });
});
