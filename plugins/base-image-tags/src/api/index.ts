export { baseImageTagsApiRef } from './BaseImageTagsApi';
export type { BaseImageTagsApi } from './BaseImageTagsApi';
export { BaseImageTagsClient } from './BaseImageTagsClient';
