/*
 * Benchmark of one discovery cycle against the fake registry; prints a
 * Markdown table. Run with `yarn bench` in this package.
 */
import { RegistryClient } from '@base-image-tags/plugin-base-image-tags-node';
import { DatabaseBaseImageTagsStore } from '../src/database/DatabaseBaseImageTagsStore';
import { CatalogPatternSource } from '../src/discovery/CatalogPatternSource';
import { PollCycle } from '../src/discovery/PollCycle';
import { RegistryAllowList } from '../src/discovery/RegistryAllowList';
import { AllowListTagListerResolver } from '../src/discovery/TagListerResolver';
import {
  auth,
  catalogOf,
  entitiesFor,
  inMemoryDatabase,
  quietLogger,
  shape,
} from './benchFixture';
import { startRemoteRegistry } from './remoteRegistry';

async function main() {
  const baselineRss = process.memoryUsage().rss;
  const registry = await startRemoteRegistry();
  const { knex, database } = inMemoryDatabase();
  const store = await DatabaseBaseImageTagsStore.create({ database });
  // The host may take as many requests at once as the cycle makes.
  const client = RegistryClient.create({
    registries: [
      {
        host: registry.host,
        insecure: true,
        maxConcurrency: shape.concurrency,
        requestsPerSecond: 10_000,
      },
    ],
  });
  const cycle = new PollCycle({
    store,
    sources: [
      new CatalogPatternSource(catalogOf(entitiesFor(registry.host)), auth),
    ],
    resolver: new AllowListTagListerResolver(
      new RegistryAllowList({
        allowPublicRegistries: false,
        registries: [registry.host],
      }),
      client,
    ),
    logger: quietLogger(),
    // Everything is due again at once, so the second cycle lists it all.
    intervalMs: 1,
    maxTagsPerPattern: 100,
    concurrency: shape.concurrency,
    backoff: { initialMs: 60_000, maxMs: 3_600_000 },
  });

  const measure = async () => {
    const before = (await registry.requests()).length;
    const started = performance.now();
    const cpu = process.cpuUsage();
    const summary = await cycle.run();
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const requests = (await registry.requests()).slice(before);
    const tagLists = requests.filter(r => r.path.endsWith('/tags/list'));
    const tokens = requests.filter(r => r.path === '/token');
    return {
      summary,
      wallMs,
      cpuMs: (used.user + used.system) / 1000,
      total: requests.length,
      pages: tagLists.filter(r => r.authorized).length,
      challenges: tagLists.filter(r => !r.authorized).length,
      tokens: tokens.length,
      scopes: new Set(tokens.map(r => r.scope)).size,
    };
  };

  const first = await measure();
  await new Promise(resolve => setTimeout(resolve, 5));
  const second = await measure();

  const expectedPages =
    shape.largeRepositories * Math.ceil(shape.largeTags / shape.pageSize) +
    (shape.repositories - shape.largeRepositories) *
      Math.ceil(shape.smallTags / shape.pageSize);
  const longestPages = Math.ceil(shape.largeTags / shape.pageSize);
  const ideal = (total: number) =>
    Math.max(
      (total * shape.latencyMs) / shape.concurrency,
      longestPages * shape.latencyMs,
    );
  const rows: Array<[string, string, string, string]> = [
    [
      'Tag-list requests answered with a page',
      `${first.pages}`,
      `${second.pages}`,
      `= pages (${expectedPages})`,
    ],
    [
      'Auth challenges (401) on tag lists',
      `${first.challenges}`,
      `${second.challenges}`,
      '-',
    ],
    [
      'Token requests',
      `${first.tokens}`,
      `${second.tokens}`,
      `≤ 1 per host and scope (${first.scopes} scopes, 1 host)`,
    ],
    ['All registry requests', `${first.total}`, `${second.total}`, '-'],
    [
      'Cycle wall time',
      `${(first.wallMs / 1000).toFixed(2)} s`,
      `${(second.wallMs / 1000).toFixed(2)} s`,
      '-',
    ],
    [
      'CPU time of the backend process',
      `${(first.cpuMs / 1000).toFixed(2)} s`,
      `${(second.cpuMs / 1000).toFixed(2)} s`,
      '-',
    ],
    [
      'Ideal bound',
      `${(ideal(first.total) / 1000).toFixed(2)} s`,
      `${(ideal(second.total) / 1000).toFixed(2)} s`,
      '-',
    ],
    [
      'Wall time ÷ ideal bound',
      (first.wallMs / ideal(first.total)).toFixed(2),
      (second.wallMs / ideal(second.total)).toFixed(2),
      '≤ 1.25',
    ],
    [
      'Tag rows written',
      `${first.summary.tagRowsWritten}`,
      `${second.summary.tagRowsWritten}`,
      '0 on the unchanged second cycle',
    ],
    [
      'Repositories ok / failed',
      `${first.summary.ok} / ${first.summary.failed}`,
      `${second.summary.ok} / ${second.summary.failed}`,
      `${shape.repositories} / 0`,
    ],
    [
      'RSS before the first cycle (modules loaded)',
      `${(baselineRss / 1048576).toFixed(0)} MB`,
      '',
      '-',
    ],
    [
      'Peak RSS of the backend process',
      '',
      `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
      '< 300 MB',
    ],
  ];
  console.log(
    `${shape.repositories} repositories (${shape.largeRepositories} with ${shape.largeTags} tags, paged by ${shape.pageSize}), ` +
      `${shape.latencyMs} ms per request, ${
        shape.entities
      } entities declaring ${shape.repositories * 2} patterns, concurrency ${
        shape.concurrency
      }\n`,
  );
  console.log('| Figure | First cycle | Second cycle (unchanged) | Target |');
  console.log('| --- | --- | --- | --- |');
  rows.forEach(row => console.log(`| ${row.join(' | ')} |`));

  await client.close();
  await registry.stop();
  await knex.destroy();
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
