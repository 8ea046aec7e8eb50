import { InputError } from '@backstage/errors';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DockerConfigFileSource, parseDockerConfig } from './dockerConfig';

const b64 = (value: string) => Buffer.from(value).toString('base64');

describe('parseDockerConfig', () => {
  it('reads auth, username/password and tokens', () => {
    const { entries, credentialHelpers } = parseDockerConfig(
      JSON.stringify({
        auths: {
          'https://index.docker.io/v1/': { auth: b64('me:pa:ss') },
          'quay.io/org': { username: 'org+robot', password: 'r' },
          'myacr.azurecr.io': {
            username: '00000000-0000-0000-0000-000000000000',
            identitytoken: 'refresh',
          },
          'empty.example': {},
        },
        credHelpers: { 'gcr.io': 'gcloud' },
      }),
      'config.json',
    );
    expect(entries).toEqual([
      {
        key: 'https://index.docker.io/v1/',
        credentials: { username: 'me', password: 'pa:ss' },
      },
      {
        key: 'quay.io/org',
        credentials: { username: 'org+robot', password: 'r' },
      },
      {
        key: 'myacr.azurecr.io',
        credentials: {
          username: '00000000-0000-0000-0000-000000000000',
          identityToken: 'refresh',
        },
      },
    ]);
    expect(credentialHelpers).toEqual(['credHelpers["gcr.io"]']);
  });

  it('names the file in errors without showing secrets', () => {
    expect(() => parseDockerConfig('{', '/etc/x.json')).toThrow(
      '/etc/x.json is not valid JSON',
    );
    expect(() =>
      parseDockerConfig(
        JSON.stringify({ auths: { h: { auth: b64('nocolon') } } }),
        'f',
      ),
    ).toThrow(InputError);
  });
});

describe('DockerConfigFileSource', () => {
  it('re-reads a changed file and keeps the last good one on errors', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dockercfg-'));
    const file = path.join(dir, '.dockerconfigjson');
    const write = (user: string) =>
      fs.writeFile(
        file,
        JSON.stringify({ auths: { 'h.example': { auth: b64(`${user}:p`) } } }),
      );
    try {
      await write('first');
      const warnings: string[] = [];
      const source = DockerConfigFileSource.load(file, {
        debug: () => {},
        info: () => {},
        warn: m => warnings.push(m),
        error: () => {},
      });
      expect(source.entries()[0].credentials.username).toBe('first');
      await write('second-longer');
      expect(source.entries()[0].credentials.username).toBe('second-longer');
      await fs.writeFile(file, 'not json at all');
      expect(source.entries()[0].credentials.username).toBe('second-longer');
      expect(source.entries()[0].credentials.username).toBe('second-longer');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(file);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('fails at startup on a missing file, naming it', () => {
    expect(() =>
      DockerConfigFileSource.load('/nonexistent/config.json'),
    ).toThrow(
      'Cannot read docker config file /nonexistent/config.json: ENOENT',
    );
  });
});
