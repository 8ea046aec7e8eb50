import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  baseImageTagsRefreshPermission,
  DEFAULT_TAG_LIMIT,
  RefreshResponse,
} from '@base-image-tags/plugin-base-image-tags-common';
import express from 'express';
import Router from 'express-promise-router';
import { BaseImageTagsStore } from '../database/BaseImageTagsStore';
import { TagListerResolver } from '../discovery/TagListerResolver';
import { listLiveNewest } from './liveNewest';
import { rejectMalformedJson } from './rejectMalformedJson';
import { entitySource, refreshTargets } from './lookups';
import { loadPatternResults, loadRepositoryHealth } from './patternResults';
import { loadStoredNewest } from './storedNewest';

/**
 * What the API needs.
 *
 * @public
 */
export interface RouterOptions {
  store: BaseImageTagsStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  logger: LoggerService;
  /** Starts a discovery cycle soon, e.g. by triggering the scheduled task. */
  triggerDiscovery: () => Promise<void>;
  /**
   * Chooses the lister of a live lookup; the poll cycle's own resolver, so
   * that the allow-list and delegation rules are the same.
   */
  resolver: TagListerResolver;
  /** Ranked tags a live lookup answers. Default 100. */
  maxTagsPerPattern?: number;
  clock?: () => Date;
}

// `live` is a flag: absent or `false` reads stored tags, `true` lists now.
function isLive(value: unknown): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new InputError('live must be true or false, e.g. &live=true');
}

/**
 * Creates the plugin's HTTP API, served under `/api/base-image-tags`; the
 * routes and JSON shapes are those of `ListResponse` in the common package.
 *
 * @public
 */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, httpAuth, permissions, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const router = Router();
  router.use(express.json({ limit: '16kb' }));
  router.use(rejectMalformedJson);

  async function authorizeRefresh(req: express.Request, what: string) {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: baseImageTagsRefreshPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${what} needs the ${baseImageTagsRefreshPermission.name} permission`,
      );
    }
  }

  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Everything else needs an authenticated user or service.
  router.use(async (req, _res, next) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    next();
  });

  router.get('/entities/:kind/:namespace/:name/patterns', async (req, res) => {
    const { kind, namespace, name } = req.params;
    const source = entitySource(kind, namespace, name);
    res.json({ items: await loadPatternResults(store, { source }) });
  });

  router.get('/patterns', async (_req, res) => {
    res.json({ items: await loadPatternResults(store) });
  });

  router.get('/repositories', async (_req, res) => {
    res.json({ items: await loadRepositoryHealth(store) });
  });

  router.get('/newest', async (req, res) => {
    if (!isLive(req.query.live)) {
      res.json(await loadStoredNewest(store, req.query.pattern));
      return;
    }
    // Listing now costs registry requests, as a refresh does.
    await authorizeRefresh(req, 'Listing live');
    const controller = new AbortController();
    res.on('close', () => controller.abort());
    res.json(
      await listLiveNewest(req.query.pattern, {
        resolver: options.resolver,
        limit: options.maxTagsPerPattern ?? DEFAULT_TAG_LIMIT,
        signal: controller.signal,
      }),
    );
  });

  router.post('/refresh', async (req, res) => {
    await authorizeRefresh(req, 'Refreshing');
    const ids = await refreshTargets(store, req.body);
    const requestedAt = clock();
    const repositories = await store.requestRefresh(ids, requestedAt);
    if (repositories.length === 0) {
      throw new InputError(
        `Nothing to refresh: ${ids.join(', ')} may not be contacted; ` +
          'see the registry-not-allowed error for the key to change',
      );
    }
    await options.triggerDiscovery().catch(error =>
      // A running cycle or the next wake picks the request up.
      logger.debug(`Discovery not triggered now: ${error}`),
    );
    const response: RefreshResponse = {
      repositories,
      requestedAt: requestedAt.toISOString(),
    };
    res.status(202).json(response);
  });

  return router;
}
