/**
 * Frontend plugin showing the newest base image tags on entity pages and an
 * overview page of every repository polled.
 *
 * @packageDocumentation
 */

export {
  baseImageTagsPlugin,
  BaseImageTagsPage,
  EntityBaseImageTagsCard,
  EntityBaseImageTagsContent,
} from './plugin';
export { rootRouteRef as baseImageTagsRouteRef } from './routes';
export { BaseImageTagsClient, baseImageTagsApiRef } from './api';
export type { BaseImageTagsApi } from './api';
export type { EntityBaseImageTagsCardProps } from './components/EntityBaseImageTagsCard';
export type { BaseImageTagsOverviewProps } from './components/BaseImageTagsOverview';
export type { RefreshWatchOptions } from './refresh/waitForRefresh';
export { isBaseImageTagsAvailable } from '@base-image-tags/plugin-base-image-tags-common';
