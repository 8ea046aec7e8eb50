import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Key material for tests, written as PEM files into a directory.
 *
 * @public
 */
export interface TestCertificates {
  /** A CA that signed `server` and `client`. */
  caFile: string;
  ca: string;
  /** Server certificate for 127.0.0.1 and localhost. */
  serverCertFile: string;
  serverKeyFile: string;
  serverCert: string;
  serverKey: string;
  /** Client certificate for mutual TLS. */
  clientCertFile: string;
  clientKeyFile: string;
  /** Self-signed RSA certificate and key that sign registry tokens. */
  tokenCertFile: string;
  tokenKeyFile: string;
  tokenCert: string;
  tokenKey: string;
}

async function openssl(dir: string, args: string[]) {
  try {
    await run('openssl', args, { cwd: dir });
  } catch (error) {
    throw new Error(
      `openssl ${args[0]} failed (is the openssl package installed?): ${
        (error as { stderr?: string }).stderr ?? error
      }`,
    );
  }
}

async function signedBy(
  dir: string,
  name: string,
  usage: string,
  serverNames: string[],
) {
  const ext = `${name}.ext`;
  await fs.writeFile(
    path.join(dir, ext),
    [
      'basicConstraints=CA:FALSE',
      `subjectAltName=${['IP:127.0.0.1', 'DNS:localhost']
        .concat(serverNames.map(serverName => `DNS:${serverName}`))
        .join(',')}`,
      `extendedKeyUsage=${usage}`,
      '',
    ].join('\n'),
  );
  await openssl(dir, [
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=base-image-tags test ${name}`,
  ]);
  await openssl(dir, [
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-out',
    `${name}.pem`,
    '-extfile',
    ext,
  ]);
}

/**
 * Creates a test CA, a server and a client certificate signed by it, and a
 * self-signed RSA certificate for signing registry tokens, using the
 * openssl command line. The server certificate is valid for 127.0.0.1,
 * localhost and `options.serverNames`.
 *
 * @public
 */
export async function createTestCertificates(
  dir: string,
  options?: { serverNames?: string[] },
): Promise<TestCertificates> {
  const serverNames = options?.serverNames ?? [];
  await fs.mkdir(dir, { recursive: true });
  await openssl(dir, [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=base-image-tags test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  // Both signings write the CA's serial file, so they run one after another.
  const signed = signedBy(dir, 'server', 'serverAuth', serverNames).then(() =>
    signedBy(dir, 'client', 'clientAuth', []),
  );
  await Promise.all([
    signed,
    openssl(dir, [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'token.key',
      '-out',
      'token.pem',
      '-days',
      '2',
      '-subj',
      '/CN=base-image-tags test token signer',
    ]),
  ]);
  const file = (name: string) => path.join(dir, name);
  const read = (name: string) => fs.readFile(file(name), 'utf8');
  return {
    caFile: file('ca.pem'),
    ca: await read('ca.pem'),
    serverCertFile: file('server.pem'),
    serverKeyFile: file('server.key'),
    serverCert: await read('server.pem'),
    serverKey: await read('server.key'),
    clientCertFile: file('client.pem'),
    clientKeyFile: file('client.key'),
    tokenCertFile: file('token.pem'),
    tokenKeyFile: file('token.key'),
    tokenCert: await read('token.pem'),
    tokenKey: await read('token.key'),
  };
}
