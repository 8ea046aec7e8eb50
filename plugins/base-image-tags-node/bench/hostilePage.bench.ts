/*
 * Lists a repository whose registry answers one tag page as large as
 * limits.maxBodyBytes (16 MiB), made of millions of short tags, and prints
 * the time and the memory the refused listing took. Run with `yarn bench`
 * in this package; it loads the TypeScript sources through the Backstage
 * CLI's Node transform.
 */
import { RegistryClient } from '../src';
import { createInstantClock, startFakeRegistry } from '../src/testing';

const BODY_BYTES = 16 * 1024 * 1024;

function hostilePage(): Buffer {
  const tags: string[] = [];
  let size = '{"tags":[]}'.length;
  for (let i = 0; size + 12 < BODY_BYTES; i++) {
    const tag = i.toString(36);
    tags.push(tag);
    size += tag.length + 3;
  }
  return Buffer.from(JSON.stringify({ tags }));
}

async function main() {
  const body = hostilePage();
  const registry = await startFakeRegistry(() => ({
    headers: { 'Content-Type': 'application/json' },
    body,
  }));
  const client = RegistryClient.create({
    registries: [{ host: registry.host, insecure: true }],
    clock: createInstantClock(),
  });
  (globalThis as { gc?: () => void }).gc?.();
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  let outcome: string;
  try {
    const listing = await client.listTags({
      registry: registry.host,
      repository: 'team/app',
    });
    outcome = `listed ${listing.tags.length} tags`;
  } catch (error) {
    outcome = `refused: ${(error as Error).message}`;
  }
  const ms = performance.now() - start;
  const rssMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;
  await client.close();
  await registry.stop();
  console.log(
    `one ${(body.length / 2 ** 20).toFixed(1)} MiB page: ${outcome}\n` +
      `  ${ms.toFixed(0)} ms, process RSS grew by ${rssMb.toFixed(0)} MiB`,
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
