import { parseAuthenticateHeader } from './parseAuthenticateHeader';

describe('parseAuthenticateHeader', () => {
  it("reads Docker Hub's bearer challenge", () => {
    expect(
      parseAuthenticateHeader(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/alpine:pull"',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/alpine:pull',
        },
      },
    ]);
  });

  it('keeps commas and escaped quotes inside quoted values', () => {
    const [challenge] = parseAuthenticateHeader(
      'Bearer realm="https://h/t", scope="repository:a:pull,push", error="say \\"hi\\""',
    );
    expect(challenge.params.scope).toBe('repository:a:pull,push');
    expect(challenge.params.error).toBe('say "hi"');
  });

  it('reads several challenges and unquoted values', () => {
    expect(
      parseAuthenticateHeader([
        'Basic realm="Registry Realm", Bearer realm=https://h/t,service=s',
      ]),
    ).toEqual([
      { scheme: 'basic', params: { realm: 'Registry Realm' } },
      { scheme: 'bearer', params: { realm: 'https://h/t', service: 's' } },
    ]);
  });

  it('gives nothing for no header', () => {
    expect(parseAuthenticateHeader(undefined)).toEqual([]);
  });
});
