import {
  dockerHubRegistry,
  isRegistryHost,
  isRepositoryPath,
  normalizeRegistryHost,
  RepositoryRef,
} from '@base-image-tags/plugin-base-image-tags-node';

/**
 * A request body that is not `{ registry, repository }`.
 *
 * @public
 */
export class BadTagsRequestError extends Error {
  name = 'BadTagsRequestError' as const;
}

function shortened(text: string): string {
  const printable = text
    // A user and password before "@" are never echoed.
    .replace(/^([^/@]*\/\/)?[^/@]*@/, '$1…@')
    .replace(/[^\x20-\x7e]/g, '?');
  return printable.length > 80 ? `${printable.slice(0, 80)}…` : printable;
}

/**
 * Reads and normalises the body of `POST /v1/tags` the way the registry
 * client does, so that the allow list sees the repository that would be
 * listed: lower-case host, Docker Hub aliases as `docker.io`, and
 * `library/` before one-part Docker Hub names.
 *
 * @public
 */
export function readTagsRequest(body: unknown): RepositoryRef {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadTagsRequestError(
      'Send a JSON object { "registry": "…", "repository": "…" }',
    );
  }
  const { registry, repository } = body as Record<string, unknown>;
  if (typeof registry !== 'string' || typeof repository !== 'string') {
    throw new BadTagsRequestError(
      'Both "registry" and "repository" must be strings',
    );
  }
  const host = normalizeRegistryHost(registry);
  if (!isRegistryHost(host)) {
    throw new BadTagsRequestError(
      `"${shortened(
        registry,
      )}" is not a registry host such as registry.internal:5000`,
    );
  }
  let path = repository.trim().replace(/^\/+|\/+$/g, '');
  if (host === dockerHubRegistry && path !== '' && !path.includes('/')) {
    path = `library/${path}`;
  }
  if (!isRepositoryPath(path)) {
    throw new BadTagsRequestError(
      `"${shortened(repository)}" is not a repository name such as team/base`,
    );
  }
  return { registry: host, repository: path };
}
