import {
  PermissionApi,
  permissionApiRef,
} from '@backstage/plugin-permission-react';

type Response = Awaited<ReturnType<PermissionApi['authorize']>>;

/**
 * A permission API pair that allows or denies every request. The decision
 * is written as the enum's string value, since the enum's own package is
 * not a dependency of this plugin.
 */
export function permissionPair(allowed: boolean) {
  const response = {
    result: allowed ? 'ALLOW' : 'DENY',
  } as unknown as Response;
  const api: PermissionApi = { authorize: async () => response };
  return [permissionApiRef, api] as const;
}
