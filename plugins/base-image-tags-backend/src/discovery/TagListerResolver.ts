import {
  RepositoryRef,
  TagLister,
} from '@base-image-tags/plugin-base-image-tags-node';
import { RegistryAllowList } from './RegistryAllowList';

/**
 * How a repository is listed, or why it is not.
 *
 * @public
 */
export type TagListerResolution =
  | {
      lister: TagLister;
      /** Who lists it on our behalf (a sensor's name), shown in health. */
      via?: string;
    }
  | { notAllowedReason: string };

/**
 * Chooses the lister of each repository. The seam where listings can be
 * delegated: a resolver may hand some repositories to another lister and
 * name it in `via`; repositories it delegates count as allowed.
 *
 * @public
 */
export interface TagListerResolver {
  resolveTagLister(ref: RepositoryRef): Promise<TagListerResolution>;
}

/**
 * Lists allowed repositories with one lister, the registry client; others
 * are not allowed.
 *
 * @public
 */
export class AllowListTagListerResolver implements TagListerResolver {
  constructor(
    private readonly allowList: RegistryAllowList,
    private readonly lister: TagLister,
  ) {}

  async resolveTagLister(ref: RepositoryRef): Promise<TagListerResolution> {
    const notAllowedReason = this.allowList.check(ref);
    return notAllowedReason ? { notAllowedReason } : { lister: this.lister };
  }
}
