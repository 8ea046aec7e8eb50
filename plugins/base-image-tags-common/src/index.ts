/**
 * Shared types, annotation, permissions, base image patterns and
 * newest-first tag ranking of the base-image-tags plugins.
 *
 * @packageDocumentation
 */

export * from './api';
export {
  BASE_IMAGE_TAGS_ANNOTATION,
  DEFAULT_MAX_PATTERNS_PER_ENTITY,
  isBaseImageTagsAvailable,
  parsePatternAnnotation,
} from './annotation';
export type {
  PatternAnnotation,
  PatternAnnotationError,
  PatternAnnotationOptions,
} from './annotation';
export {
  imageReference,
  MAX_PATTERN_LENGTH,
  parseImagePattern,
} from './imagePattern';
export type { ImagePattern, ImagePatternOptions } from './imagePattern';
export {
  baseImageTagsPermissions,
  baseImageTagsRefreshPermission,
} from './permissions';
export { compareTags, rankTags } from './rankTags';
export { DEFAULT_TAG_LIMIT, emptyTagCounts, selectTags } from './selectTags';
export type { SelectedTags, SelectTagsOptions } from './selectTags';
export { isArtifactTag, isTagName } from './tagName';
export { parseTagVersion } from './tagVersion';
export type { TagVersion } from './tagVersion';
