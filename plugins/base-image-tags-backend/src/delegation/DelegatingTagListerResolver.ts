import { RepositoryRef } from '@base-image-tags/plugin-base-image-tags-node';
import {
  TagListerResolution,
  TagListerResolver,
} from '../discovery/TagListerResolver';
import { DelegationRouter } from './createDelegationRouter';

/**
 * Sends delegated repositories to their sensor, named in `via`, and leaves
 * every other repository to the next resolver (the allow list and the
 * registry client). Delegated repositories count as allowed: the sensor's
 * own allow list decides what it serves.
 *
 * @public
 */
export class DelegatingTagListerResolver implements TagListerResolver {
  private readonly router: DelegationRouter;
  private readonly next: TagListerResolver;

  constructor(router: DelegationRouter, next: TagListerResolver) {
    this.router = router;
    this.next = next;
  }

  async resolveTagLister(ref: RepositoryRef): Promise<TagListerResolution> {
    const resolved = this.router.resolve(ref);
    if (resolved.via) {
      return { lister: resolved.lister, via: resolved.via };
    }
    return this.next.resolveTagLister(ref);
  }
}
