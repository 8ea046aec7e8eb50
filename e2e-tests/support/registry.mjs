// The local Distribution registry of scripts/local-registry.sh. When no
// registry is running, the test starts one on a fresh data folder, so the
// seeded tags are all it holds, and stops it and deletes the folder
// afterwards; a registry already running (e.g. for `yarn start:local`) is
// used as it is and left running, and the test deletes the tag it pushed.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  localRegistryUrl,
  pushImage,
} from '../../scripts/seed-local-registry.mjs';
import { runProcess } from './processes.mjs';

export const REGISTRY_URL = localRegistryUrl;

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

/**
 * Pushes one tag on an image of its own, unlike the seeded tags, which
 * share one image: deleting that image (by digest, the only way the
 * registry deletes) then removes this tag alone. Returns a function that
 * does so.
 */
export async function pushOwnTag(repository, tag) {
  const digest = await pushImage(repository, [tag], {
    registry: REGISTRY_URL,
    layerSeed: `e2e ${tag} ${Date.now()}`,
  });
  return async () => {
    const response = await fetch(
      `${REGISTRY_URL}/v2/${repository}/manifests/${digest}`,
      { method: 'DELETE' },
    );
    if (!response.ok) {
      throw new Error(
        `delete ${repository}:${tag}: HTTP ${
          response.status
        } ${await response.text()}`,
      );
    }
  };
}
