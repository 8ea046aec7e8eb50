// The local Distribution registry of scripts/local-registry.sh. When no
// registry is running, the test starts one on a fresh data folder, so the
// seeded tags are all it holds, and stops it and deletes the folder
// afterwards; a registry already running (e.g. for `yarn start:local`) is
// used as it is and left running, and the test deletes the tag it pushed.

import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runProcess } from './processes.mjs';

export const REGISTRY_URL = 'http://127.0.0.1:5050';

async function isRunning() {
  try {
    return (await fetch(`${REGISTRY_URL}/v2/`)).ok;
  } catch {
    return false;
  }
}

/** Starts (if needed) and seeds the registry; returns how to stop it. */
export async function startRegistry({ root, logDir }) {
  const startedHere = !(await isRunning());
  const env = startedHere
    ? { LOCAL_REGISTRY_DIR: await mkdtemp(join(tmpdir(), 'e2e-registry-')) }
    : {};
  const options = {
    cwd: root,
    env,
    logFile: join(logDir, 'registry.log'),
    timeoutMs: 90_000,
  };
  await runProcess('bash', ['scripts/local-registry.sh', 'start'], options);
  return {
    startedHere,
    stop: async () => {
      if (startedHere) {
        await runProcess('bash', ['scripts/local-registry.sh', 'stop'], {
          ...options,
          timeoutMs: 20_000,
        });
        await rm(env.LOCAL_REGISTRY_DIR, { recursive: true, force: true });
      }
    },
  };
}

/** The tags the registry lists for a repository. */
export async function listTags(repository) {
  const response = await fetch(`${REGISTRY_URL}/v2/${repository}/tags/list`);
  if (!response.ok) {
    throw new Error(`Listing ${repository}: HTTP ${response.status}`);
  }
  return (await response.json()).tags ?? [];
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

function sha256(data) {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

async function check(response, what) {
  if (!response.ok) {
    throw new Error(
      `${what}: HTTP ${response.status} ${await response.text()}`,
    );
  }
  return response;
}

async function pushBlob(repository, data) {
  const digest = sha256(data);
  const start = await check(
    await fetch(`${REGISTRY_URL}/v2/${repository}/blobs/uploads/`, {
      method: 'POST',
    }),
    `start upload to ${repository}`,
  );
  const location = new URL(start.headers.get('location'), REGISTRY_URL);
  location.searchParams.set('digest', digest);
  await check(
    await fetch(location, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: data,
    }),
    `upload blob to ${repository}`,
  );
  return digest;
}

/**
 * Pushes one tag on an image of its own, unlike the seeded tags, which
 * share one image: deleting that image (by digest, the only way the
 * registry deletes) then removes this tag alone. Returns a function that
 * does so.
 */
export async function pushOwnTag(repository, tag) {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { 'e2e.tag': tag, 'e2e.at': String(Date.now()) } },
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  );
  const layer = gzipSync(Buffer.from(`e2e ${tag}`));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: await pushBlob(repository, config),
        size: config.length,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: await pushBlob(repository, layer),
          size: layer.length,
        },
      ],
    }),
  );
  await check(
    await fetch(`${REGISTRY_URL}/v2/${repository}/manifests/${tag}`, {
      method: 'PUT',
      headers: { 'content-type': OCI_MANIFEST },
      body: manifest,
    }),
    `push ${repository}:${tag}`,
  );
  const digest = sha256(manifest);
  return async () => {
    await check(
      await fetch(`${REGISTRY_URL}/v2/${repository}/manifests/${digest}`, {
        method: 'DELETE',
      }),
      `delete ${repository}:${tag}`,
    );
  };
}
