import {
  formatRegistryPath,
  isUnderRegistryPath,
  RegistryPath,
} from '@base-image-tags/plugin-base-image-tags-node';

/**
 * The registries, and repository path prefixes on them, that a sensor
 * serves. Everything else is refused, so a sensor cannot be used to reach
 * arbitrary hosts from inside the cluster.
 *
 * @public
 */
export class AllowList {
  private readonly paths: RegistryPath[];

  constructor(paths: RegistryPath[]) {
    this.paths = [...paths];
  }

  /** Whether the repository lies under one of the allowed paths. */
  allows(registry: string, repository: string): boolean {
    return this.paths.some(path =>
      isUnderRegistryPath(path, registry, repository),
    );
  }

  /** The allowed paths as written in messages. */
  describe(): string[] {
    return this.paths.map(formatRegistryPath);
  }
}
