export interface Config {
  /** Configuration for the base-image-tags plugins. */
  baseImageTags?: {};
}
