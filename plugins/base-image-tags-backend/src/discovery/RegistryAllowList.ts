import {
  parseRegistryKey,
  RepositoryRef,
} from '@base-image-tags/plugin-base-image-tags-node';

/**
 * Well-known public registries polled unless
 * `baseImageTags.allowPublicRegistries` is false.
 *
 * @public
 */
export const wellKnownPublicRegistries: readonly string[] = [
  'docker.io',
  'quay.io',
  'ghcr.io',
  'registry.access.redhat.com',
  'registry.redhat.io',
  'registry.k8s.io',
  'gcr.io',
  'mcr.microsoft.com',
  'public.ecr.aws',
];

/**
 * Decides which repositories may be contacted: the well-known public
 * registries (unless switched off) and the registries configured under
 * `baseImageTags.registries`. Anything else (an internal address, a cloud
 * metadata endpoint) is never contacted.
 *
 * @public
 */
export class RegistryAllowList {
  private readonly hosts = new Set<string>();
  private readonly paths = new Map<string, string[]>();

  constructor(
    private readonly options: {
      allowPublicRegistries: boolean;
      registries: string[];
    },
  ) {
    if (options.allowPublicRegistries) {
      wellKnownPublicRegistries.forEach(host => this.hosts.add(host));
    }
    for (const entry of options.registries) {
      const { host, pathPrefix } = parseRegistryKey(entry);
      if (pathPrefix) {
        this.paths.set(host, [...(this.paths.get(host) ?? []), pathPrefix]);
      } else {
        this.hosts.add(host);
      }
    }
  }

  /** Why the repository may not be contacted, or `undefined` if it may. */
  check(ref: RepositoryRef): string | undefined {
    const host = ref.registry.toLowerCase();
    if (this.hosts.has(host)) {
      return undefined;
    }
    const prefixes = this.paths.get(host) ?? [];
    if (
      prefixes.some(
        prefix =>
          ref.repository === prefix || ref.repository.startsWith(`${prefix}/`),
      )
    ) {
      return undefined;
    }
    const publicHint =
      !this.options.allowPublicRegistries &&
      wellKnownPublicRegistries.includes(host)
        ? ' or set baseImageTags.allowPublicRegistries to true'
        : '';
    return (
      `Registry not allowed: ${host} is not on the allow-list, so ` +
      `${host}/${ref.repository} is never contacted; add an entry ` +
      `"host: ${host}" under baseImageTags.registries${publicHint} to poll it`
    );
  }
}
