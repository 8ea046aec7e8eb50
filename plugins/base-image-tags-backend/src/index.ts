/**
 * Backend plugin that polls container registries for the newest tags of the
 * base image patterns declared in the catalog and in app-config.
 *
 * @packageDocumentation
 */

export { baseImageTagsPlugin as default } from './plugin';
