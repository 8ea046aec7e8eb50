/**
 * Scaffolder backend module with the action `base-image-tags:resolve`,
 * which resolves a base image pattern to its newest tag.
 *
 * @packageDocumentation
 */

export { scaffolderModuleBaseImageTags as default } from './module';
export {
  createResolveBaseImageAction,
  RESOLVE_BASE_IMAGE_ACTION_ID,
} from './actions/resolveBaseImage';
export { NewestTagClient } from './client/NewestTagClient';
export type {
  NewestTagRequest,
  NewestTagSource,
} from './client/NewestTagSource';
