import { ConfigProblems } from '@base-image-tags/plugin-base-image-tags-node';

/**
 * Collects the problems of the `baseImageTags` configuration, so that one
 * startup error lists all keys to fix.
 *
 * @internal
 */
export class BaseImageTagsConfigProblems extends ConfigProblems {
  constructor() {
    super('base image tags configuration');
  }
}
