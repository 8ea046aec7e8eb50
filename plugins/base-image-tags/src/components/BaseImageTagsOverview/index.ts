export { BaseImageTagsOverview } from './BaseImageTagsOverview';
export type { BaseImageTagsOverviewProps } from './BaseImageTagsOverview';
export { BaseImageTagsPage } from './BaseImageTagsPage';
