import crypto from 'node:crypto';
import { Dispatcher, request } from 'undici';

/**
 * Where and how to push test images.
 *
 * @public
 */
export interface PushTarget {
  /** Registry base URL, e.g. `http://127.0.0.1:5000`. */
  url: string;
  /** Authorization header for the repository, with push rights. */
  authorization?: (repository: string) => string | undefined;
  dispatcher?: Dispatcher;
}

const ociManifest = 'application/vnd.oci.image.manifest.v1+json';

async function send(
  target: PushTarget,
  url: string,
  init: {
    method: 'POST' | 'PUT';
    body?: string;
    contentType?: string;
    repository: string;
  },
) {
  const authorization = target.authorization?.(init.repository);
  const response = await request(url, {
    method: init.method,
    body: init.body,
    dispatcher: target.dispatcher,
    headers: {
      ...(init.contentType ? { 'Content-Type': init.contentType } : {}),
      ...(authorization ? { Authorization: authorization } : {}),
    },
  });
  const text = await response.body.text();
  if (response.statusCode >= 300) {
    throw new Error(
      `${init.method} ${url} answered ${response.statusCode}: ${text.slice(
        0,
        300,
      )}`,
    );
  }
  return response;
}

/**
 * Pushes one tiny OCI image (an empty config, no layers) to a registry
 * through its HTTP API, then tags it under every name in `tags` by PUTting
 * the manifest once per tag.
 *
 * @public
 */
export async function pushTags(
  target: PushTarget,
  repository: string,
  tags: string[],
  options?: { concurrency?: number },
): Promise<void> {
  const config = '{}';
  const digest = `sha256:${crypto
    .createHash('sha256')
    .update(config)
    .digest('hex')}`;
  const started = await send(
    target,
    `${target.url}/v2/${repository}/blobs/uploads/`,
    { method: 'POST', repository },
  );
  const location = new URL(String(started.headers.location), `${target.url}/`);
  location.searchParams.set('digest', digest);
  await send(target, location.href, {
    method: 'PUT',
    body: config,
    contentType: 'application/octet-stream',
    repository,
  });
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: ociManifest,
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest,
      size: config.length,
    },
    layers: [],
  });
  const queue = [...tags];
  const worker = async () => {
    for (let tag = queue.shift(); tag !== undefined; tag = queue.shift()) {
      await send(target, `${target.url}/v2/${repository}/manifests/${tag}`, {
        method: 'PUT',
        body: manifest,
        contentType: ociManifest,
        repository,
      });
    }
  };
  await Promise.all(
    Array.from({ length: options?.concurrency ?? 8 }, () => worker()),
  );
}
