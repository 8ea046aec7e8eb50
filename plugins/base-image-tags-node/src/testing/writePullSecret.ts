import fs from 'node:fs';

/**
 * Writes a Docker config file (the form of a mounted pull secret) that
 * holds basic credentials for one registry host.
 *
 * @public
 */
export function writePullSecret(
  file: string,
  host: string,
  credentials: { username: string; password: string },
): void {
  const { username, password } = credentials;
  fs.writeFileSync(
    file,
    JSON.stringify({
      auths: {
        [host]: {
          auth: Buffer.from(`${username}:${password}`).toString('base64'),
        },
      },
    }),
  );
}
