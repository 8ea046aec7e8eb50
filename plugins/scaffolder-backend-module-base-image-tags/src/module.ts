import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createResolveBaseImageAction } from './actions/resolveBaseImage';
import { NewestTagClient } from './client/NewestTagClient';

/**
 * Adds the `base-image-tags:resolve` action to the scaffolder. It calls the
 * base-image-tags backend plugin, which must be installed in the same
 * Backstage deployment.
 *
 * @public
 */
export const scaffolderModuleBaseImageTags = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'base-image-tags',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolder, discovery, auth }) {
        scaffolder.addActions(
          createResolveBaseImageAction({
            source: new NewestTagClient({ discovery, auth }),
          }),
        );
      },
    });
  },
});
