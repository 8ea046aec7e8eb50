import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows asking for an immediate new listing of a repository's tags.
 *
 * @public
 */
export const baseImageTagsRefreshPermission = createPermission({
  name: 'base-image-tags.refresh',
  attributes: { action: 'update' },
});

/**
 * Every permission of the base-image-tags plugins.
 *
 * @public
 */
export const baseImageTagsPermissions = [baseImageTagsRefreshPermission];
