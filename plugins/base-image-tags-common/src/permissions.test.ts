import {
  baseImageTagsPermissions,
  baseImageTagsRefreshPermission,
} from './permissions';

describe('permissions', () => {
  it('defines the refresh permission as a basic update permission', () => {
    expect(baseImageTagsRefreshPermission).toEqual({
      type: 'basic',
      name: 'base-image-tags.refresh',
      attributes: { action: 'update' },
    });
    expect(baseImageTagsPermissions).toEqual([baseImageTagsRefreshPermission]);
  });
});
