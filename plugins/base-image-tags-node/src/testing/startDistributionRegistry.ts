import { ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Agent, request } from 'undici';
import { RegistrySettings } from '../client/RegistryClientOptions';
import { createTestCertificates, TestCertificates } from './certificates';
import { findFreePort } from './freePort';
import { pushTags } from './pushTags';
import { startTokenServer, TokenServer } from './startTokenServer';

const run = promisify(execFile);

/**
 * Options of {@link startDistributionRegistry}.
 *
 * @public
 */
export interface DistributionRegistryOptions {
  /**
   * `htpasswd`: basic auth against an htpasswd file. `token`: Distribution's
   * `auth.token` mode with a local token server. Anonymous when absent.
   */
  auth?: 'htpasswd' | 'token';
  /**
   * Serve HTTPS with a certificate from a test CA. Default: true for
   * `token`, false otherwise.
   */
  tls?: boolean;
  /** Require a client certificate signed by the test CA (implies `tls`). */
  requireClientCertificate?: boolean;
  /**
   * For `token`: grant `pull` to anonymous token requests. Default false.
   */
  allowAnonymousPull?: boolean;
  /** The Distribution binary. Default `/usr/bin/docker-registry`. */
  binary?: string;
}

/**
 * A running CNCF Distribution registry on 127.0.0.1.
 *
 * @public
 */
export interface DistributionRegistry {
  /** `127.0.0.1:<port>`. */
  host: string;
  /** `http://127.0.0.1:<port>` or `https://…`. */
  url: string;
  /** Reader credentials, when the registry requires auth. */
  credentials?: { username: string; password: string };
  /** Test CA and certificates, when the registry serves TLS. */
  certificates?: TestCertificates;
  /** The token server, in `token` mode. */
  tokenServer?: TokenServer;
  /**
   * A `registries` entry for this registry (host, insecure, caFile, client
   * certificate and credentials), ready to put into configuration.
   */
  registryConfig: {
    host: string;
    insecure?: boolean;
    caFile?: string;
    certFile?: string;
    keyFile?: string;
    username?: string;
    password?: string;
  };
  /** Transport settings for `RegistryClient.create({ registries })`. */
  settings: RegistrySettings;
  /** Pushes a tiny image and tags it under every name in `tags`. */
  pushTags(repository: string, tags: string[]): Promise<void>;
  stop(): Promise<void>;
}

const reader = { username: 'reader', password: 'reader-secret-Pa55' };
const admin = { username: 'admin', password: 'admin-secret-Pa55' };
const service = 'base-image-tags-test';
const issuer = 'base-image-tags-test-issuer';

async function htpasswdLine(user: { username: string; password: string }) {
  try {
    const { stdout } = await run('htpasswd', [
      '-Bbn',
      user.username,
      user.password,
    ]);
    return stdout.trim();
  } catch (error) {
    throw new Error(
      `htpasswd failed (is apache2-utils installed?): ${String(error)}`,
    );
  }
}

function basic(user: { username: string; password: string }) {
  return `Basic ${Buffer.from(`${user.username}:${user.password}`).toString(
    'base64',
  )}`;
}

/** A YAML document from nested objects; strings are JSON-quoted. */
function toYaml(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    return value
      .map(item => `\n${indent}- ${toYaml(item, `${indent}  `).trimStart()}`)
      .join('');
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([key, item]) => {
        const nested = typeof item === 'object' && item !== null;
        return `\n${indent}${key}:${
          nested ? toYaml(item, `${indent}  `) : ` ${toYaml(item)}`
        }`;
      })
      .join('');
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

async function waitUntilServing(
  url: string,
  dispatcher: Agent,
  child: ChildProcess,
  output: () => string,
) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `Distribution registry exited with code ${child.exitCode}: ${output()}`,
      );
    }
    try {
      const response = await request(`${url}/v2/`, { dispatcher });
      await response.body.dump();
      if (response.statusCode === 200 || response.statusCode === 401) {
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`Distribution registry did not start: ${output()}`);
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

/**
 * Starts the real CNCF Distribution registry (Debian `docker-registry`,
 * version 2.8) on 127.0.0.1 with filesystem storage in a temporary
 * directory: anonymous, with htpasswd basic auth, or in token mode with a
 * local token server. Distribution 2.8 lists all tags in one page.
 *
 * @public
 */
export async function startDistributionRegistry(
  options: DistributionRegistryOptions = {},
): Promise<DistributionRegistry> {
  const binary = options.binary ?? '/usr/bin/docker-registry';
  try {
    await fs.access(binary);
  } catch {
    throw new Error(
      `${binary} not found; install the Debian package docker-registry (CNCF Distribution)`,
    );
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'distribution-'));
  const useTls =
    options.tls ??
    (options.auth === 'token' || Boolean(options.requireClientCertificate));
  const certificates =
    useTls || options.auth === 'token'
      ? await createTestCertificates(path.join(dir, 'certs'))
      : undefined;
  const dispatcher = new Agent({
    connect: certificates
      ? {
          ca: certificates.ca,
          ...(options.requireClientCertificate
            ? {
                cert: await fs.readFile(certificates.clientCertFile, 'utf8'),
                key: await fs.readFile(certificates.clientKeyFile, 'utf8'),
              }
            : {}),
        }
      : undefined,
  });

  let tokenServer: TokenServer | undefined;
  const auth: Record<string, unknown> = {};
  if (options.auth === 'htpasswd') {
    const file = path.join(dir, 'htpasswd');
    await fs.writeFile(
      file,
      `${await htpasswdLine(reader)}\n${await htpasswdLine(admin)}\n`,
    );
    auth.htpasswd = { realm: 'base-image-tags-test', path: file };
  } else if (options.auth === 'token') {
    tokenServer = await startTokenServer({
      signingKey: certificates!.tokenKey,
      signingCert: certificates!.tokenCert,
      users: {
        [reader.username]: { password: reader.password, actions: ['pull'] },
        [admin.username]: {
          password: admin.password,
          actions: ['pull', 'push'],
        },
      },
      allowAnonymousPull: options.allowAnonymousPull,
      service,
      issuer,
      tls: useTls
        ? { cert: certificates!.serverCert, key: certificates!.serverKey }
        : undefined,
    });
    auth.token = {
      realm: tokenServer.realm,
      service,
      issuer,
      rootcertbundle: certificates!.tokenCertFile,
    };
  }

  const start = async () => {
    const port = await findFreePort();
    const host = `127.0.0.1:${port}`;
    const httpConfig: Record<string, unknown> = {
      addr: host,
      secret: 'base-image-tags-test-secret',
    };
    if (useTls) {
      httpConfig.tls = {
        certificate: certificates!.serverCertFile,
        key: certificates!.serverKeyFile,
        ...(options.requireClientCertificate
          ? { clientcas: [certificates!.caFile] }
          : {}),
      };
    }
    const configFile = path.join(dir, 'config.yml');
    await fs.writeFile(
      configFile,
      `version: 0.1${toYaml({
        log: { level: 'error', accesslog: { disabled: true } },
        storage: {
          filesystem: { rootdirectory: path.join(dir, 'data') },
          delete: { enabled: true },
        },
        http: httpConfig,
        ...(Object.keys(auth).length > 0 ? { auth } : {}),
      })}\n`,
    );
    const child = spawn(binary, ['serve', configFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', chunk => {
      stderr = `${stderr}${chunk}`.slice(-4000);
    });
    const url = `${useTls ? 'https' : 'http'}://${host}`;
    try {
      await waitUntilServing(url, dispatcher, child, () => stderr);
    } catch (error) {
      child.kill();
      throw error;
    }
    return { child, host, url };
  };

  let started: Awaited<ReturnType<typeof start>> | undefined;
  for (let attempt = 0; !started; attempt++) {
    try {
      started = await start();
    } catch (error) {
      // The free port may have been taken in between; try another one.
      if (attempt >= 2 || !/address already in use/.test(String(error))) {
        await tokenServer?.stop();
        await dispatcher.close();
        await fs.rm(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }
  const { child, host, url } = started;

  const pushAuthorization = (repository: string) => {
    if (options.auth === 'htpasswd') {
      return basic(admin);
    }
    if (tokenServer) {
      return `Bearer ${tokenServer.issue(
        [{ type: 'repository', name: repository, actions: ['pull', 'push'] }],
        admin.username,
      )}`;
    }
    return undefined;
  };

  const credentials = options.auth ? { ...reader } : undefined;
  const registryConfig: DistributionRegistry['registryConfig'] = {
    host,
    ...(useTls ? { caFile: certificates!.caFile } : { insecure: true }),
    ...(options.requireClientCertificate
      ? {
          certFile: certificates!.clientCertFile,
          keyFile: certificates!.clientKeyFile,
        }
      : {}),
    ...credentials,
  };
  const settings: RegistrySettings = {
    host,
    insecure: !useTls,
    ...(certificates && useTls ? { ca: certificates.ca } : {}),
    ...(options.requireClientCertificate
      ? {
          cert: await fs.readFile(certificates!.clientCertFile, 'utf8'),
          key: await fs.readFile(certificates!.clientKeyFile, 'utf8'),
        }
      : {}),
  };

  return {
    host,
    url,
    credentials,
    certificates,
    tokenServer,
    registryConfig,
    settings,
    pushTags: (repository, tags) =>
      pushTags(
        { url, dispatcher, authorization: pushAuthorization },
        repository,
        tags,
      ),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise(resolve => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await tokenServer?.stop();
      await dispatcher.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
