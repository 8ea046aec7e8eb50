import {
  coreServices,
  createBackendPlugin,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { baseImageTagsPermissions } from '@base-image-tags/plugin-base-image-tags-common';
import {
  LoggerLike,
  RegistryClient,
} from '@base-image-tags/plugin-base-image-tags-node';
import { JsonObject } from '@backstage/types';
import { BaseImageTagsConfigProblems } from './config/BaseImageTagsConfigProblems';
import { readUnderBlock } from './config/readUnderBlock';
import { readBaseImageTagsConfig } from './config/readBaseImageTagsConfig';
import { DatabaseBaseImageTagsStore } from './database/DatabaseBaseImageTagsStore';
import { CatalogPatternSource } from './discovery/CatalogPatternSource';
import { ConfigPatternSource } from './discovery/ConfigPatternSource';
import { PollCycle } from './discovery/PollCycle';
import { RegistryAllowList } from './discovery/RegistryAllowList';
import { AllowListTagListerResolver } from './discovery/TagListerResolver';
import { DiscoveryMetrics } from './metrics';
import { createRouter } from './service/router';
import {
  createDelegationRouterFromSettings,
  DelegatingTagListerResolver,
  readDelegationConfig,
} from './delegation';

// The client's log metadata is a plain record; Backstage's is JSON.
function registryLogger(logger: LoggerService): LoggerLike {
  const meta = (value?: Record<string, unknown>) => value as JsonObject;
  return {
    debug: (message, value) => logger.debug(message, meta(value)),
    info: (message, value) => logger.info(message, meta(value)),
    warn: (message, value) => logger.warn(message, meta(value)),
    error: (message, value) => logger.error(message, meta(value)),
  };
}

/**
 * Id of the scheduled discovery task.
 *
 * @public
 */
export const DISCOVERY_TASK_ID = 'base-image-tags-discovery';

/**
 * The base-image-tags backend plugin: discovers patterns in the catalog and
 * app-config, polls registries on a schedule, stores the newest tags and
 * serves them under `/api/base-image-tags`.
 *
 * @public
 */
export const baseImageTagsPlugin = createBackendPlugin({
  pluginId: 'base-image-tags',
  register(env) {
    env.registerInit({
      deps: {
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        database: coreServices.database,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        logger: coreServices.logger,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        scheduler: coreServices.scheduler,
      },
      async init(deps) {
        const { config, logger, scheduler } = deps;
        const problems = new BaseImageTagsConfigProblems();
        const settings = readBaseImageTagsConfig(config, problems);
        const delegation = readDelegationConfig(config, problems);
        const lister = readUnderBlock(
          problems,
          'baseImageTags',
          () =>
            RegistryClient.fromConfig(
              config.getOptionalConfig('baseImageTags') ?? new ConfigReader({}),
              { logger: registryLogger(logger) },
            ),
          undefined,
        );
        problems.throwIfAny();
        deps.lifecycle.addShutdownHook(() => lister!.close());

        deps.permissionsRegistry.addPermissions(baseImageTagsPermissions);
        const store = await DatabaseBaseImageTagsStore.create(deps);
        // One resolver for polling and live lookups: the same allow-list
        // and delegation rules apply to both.
        const resolver = new DelegatingTagListerResolver(
          createDelegationRouterFromSettings(delegation, {
            directLister: lister!,
            logger: registryLogger(logger),
          }),
          new AllowListTagListerResolver(
            new RegistryAllowList(settings),
            lister!,
          ),
        );
        const cycle = new PollCycle({
          ...settings,
          store,
          sources: [
            new CatalogPatternSource(deps.catalog, deps.auth, {
              maxPatternsPerEntity: settings.maxPatternsPerEntity,
            }),
            new ConfigPatternSource(settings.patterns),
          ],
          resolver,
          logger,
          metrics: new DiscoveryMetrics(),
        });
        await scheduler.scheduleTask({
          id: DISCOVERY_TASK_ID,
          ...settings.schedule,
          fn: async signal => {
            await cycle.run(signal);
          },
        });

        deps.httpRouter.use(
          await createRouter({
            ...deps,
            store,
            resolver,
            maxTagsPerPattern: settings.maxTagsPerPattern,
            triggerDiscovery: () => scheduler.triggerTask(DISCOVERY_TASK_ID),
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
