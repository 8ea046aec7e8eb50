export { EntityBaseImageTagsContent } from './EntityBaseImageTagsContent';
