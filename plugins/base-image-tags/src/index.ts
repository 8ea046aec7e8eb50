/**
 * Frontend plugin showing the newest base image tags on entity pages.
 *
 * @packageDocumentation
 */

export { baseImageTagsPlugin, EntityBaseImageTagsCard } from './plugin';
export { isBaseImageTagsAvailable } from '@base-image-tags/plugin-base-image-tags-common';
