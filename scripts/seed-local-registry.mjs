// Seeds a local registry with realistic tag sets by pushing one tiny image
// under many tags through the registry HTTP API (OCI distribution spec).
// The e2e test pushes its own image with pushImage.
// Usage: node scripts/seed-local-registry.mjs [registry URL, default
// http://127.0.0.1:5050]

import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export const localRegistryUrl = 'http://127.0.0.1:5050';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

const ubi8 = [
  '8.9-1107',
  '8.9-1161',
  '8.10-896',
  '8.10-1020',
  '8.10-1088',
  '8.10-1088.1696512345',
  '8.10-1088-source',
  '8.10',
  'latest',
];
const ubi9 = [
  '9.4-1194',
  '9.4-1227',
  '9.4-1227.1725849298',
  '9.5-1731604394',
  '9.5',
  'latest',
];
const alpine = [
  '3.18.6',
  '3.19',
  '3.19.0',
  '3.19.1',
  '3.20',
  '3.20.0',
  '3.20.3',
  'edge',
  'latest',
];
const node = [
  '20.18.1-alpine',
  '22.11.0-alpine',
  '22.12.0-alpine',
  '22-alpine',
  '22.12.0',
  'lts-alpine',
];
const python = [
  '3.12.7-slim',
  '3.12.8-slim',
  '3.12.8',
  '3.13.1-slim',
  '3.12.8-slim-bookworm',
];

// Several hundred tags, as nightly rebuilds of a long-lived base produce.
const builds = [];
for (let minor = 0; minor < 12; minor++) {
  for (let patch = 0; patch < 40; patch++) {
    builds.push(`2.${minor}.${patch}`);
    if (patch % 8 === 0) builds.push(`2.${minor}.${patch}-rc1`);
  }
}

export const tagSets = {
  'ubi8/ubi': ubi8,
  'ubi9/ubi-minimal': ubi9,
  'library/alpine': alpine,
  'library/node': node,
  'library/python': python,
  'platform/java-base': builds,
};

const sha256 = data =>
  `sha256:${createHash('sha256').update(data).digest('hex')}`;

async function check(response, what) {
  if (!response.ok) {
    const body = (await response.text()).slice(0, 200);
    throw new Error(`${what}: HTTP ${response.status} ${body}`);
  }
  return response;
}

async function pushBlob(registry, repository, data) {
  const digest = sha256(data);
  const head = await fetch(`${registry}/v2/${repository}/blobs/${digest}`, {
    method: 'HEAD',
  });
  if (head.ok) return digest;
  const start = await check(
    await fetch(`${registry}/v2/${repository}/blobs/uploads/`, {
      method: 'POST',
    }),
    `start upload to ${repository}`,
  );
  const location = new URL(start.headers.get('location'), registry);
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
 * Pushes one tiny image to `repository` under every tag in `tags` and
 * returns its manifest digest. Without `layerSeed` every image is the same
 * one; a seed of its own gives an image its own content, so that deleting
 * it by digest (the only way the registry deletes) removes its tags alone.
 */
export async function pushImage(
  repository,
  tags,
  { registry = localRegistryUrl, layerSeed } = {},
) {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [] },
    }),
  );
  const layer = gzipSync(
    layerSeed === undefined ? Buffer.alloc(1024) : Buffer.from(layerSeed),
  );
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: await pushBlob(registry, repository, config),
        size: config.length,
      },
      layers: [
        {
          mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
          digest: await pushBlob(registry, repository, layer),
          size: layer.length,
        },
      ],
    }),
  );
  for (let i = 0; i < tags.length; i += 16) {
    await Promise.all(
      tags.slice(i, i + 16).map(async tag =>
        check(
          await fetch(`${registry}/v2/${repository}/manifests/${tag}`, {
            method: 'PUT',
            headers: { 'content-type': OCI_MANIFEST },
            body: manifest,
          }),
          `push ${repository}:${tag}`,
        ),
      ),
    );
  }
  return sha256(manifest);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const registry = process.argv[2] ?? localRegistryUrl;
  let count = 0;
  for (const [repository, tags] of Object.entries(tagSets)) {
    await pushImage(repository, tags, { registry });
    count += tags.length;
  }
  console.log(
    `Seeded ${count} tags in ${
      Object.keys(tagSets).length
    } repositories at ${registry}`,
  );
}
