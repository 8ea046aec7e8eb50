export { EntityBaseImageTagsCard } from './EntityBaseImageTagsCard';
export type { EntityBaseImageTagsCardProps } from './EntityBaseImageTagsCard';
