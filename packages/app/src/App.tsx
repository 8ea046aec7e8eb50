import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import baseImageTagsPlugin from '@base-image-tags/plugin-base-image-tags/alpha';

export default createApp({
  features: [catalogPlugin, scaffolderPlugin, baseImageTagsPlugin],
});
