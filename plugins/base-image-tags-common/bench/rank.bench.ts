/*
 * Ranks 100,000 generated tags of mixed schemes and prints time and memory.
 * Run with `yarn bench` in this package: it loads the TypeScript sources
 * through the Backstage CLI's Node transform, so nothing needs building.
 * Exits non-zero when a median ranking time is above the target.
 */
import { parseImagePattern, rankTags, selectTags } from '../src';

const TAG_COUNT = 100_000;
const TARGET_MS = 200;
const WARM_RUNS = 9;

// Deterministic, so every run ranks the same list.
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generateTags(count: number): string[] {
  const random = createRandom(20240601);
  const int = (max: number) => Math.floor(random() * max);
  const hex = (length: number) =>
    Array.from({ length }, () => int(16).toString(16)).join('');
  const digits = (length: number) =>
    String(1 + int(9)) +
    Array.from({ length: length - 1 }, () => int(10)).join('');
  const semver = () => `${int(30)}.${int(40)}.${int(60)}`;
  const schemes: Array<() => string> = [
    semver,
    () => `v${semver()}`,
    () => `${semver()}-${['alpha', 'beta', 'rc'][int(3)]}.${int(12)}`,
    () => `${int(10)}.${int(12)}-${int(2000)}`,
    () => `${int(10)}.${int(12)}-${int(2000)}.${1600000000 + int(1e8)}`,
    () =>
      `${2015 + int(11)}.${String(1 + int(12)).padStart(2, '0')}.${int(28)}`,
    () => `${2015 + int(11)}${String(1 + int(12)).padStart(2, '0')}01`,
    () => `${int(20)}.${int(12)}-alpine${int(4)}.${int(21)}`,
    () => `${semver()}-slim-bookworm`,
    () => `${semver()}-${hex(7)}`,
    () => `${semver()}-${digits(22)}`,
    () => `sha256-${hex(64)}.sig`,
  ];
  const tags = new Set<string>(['latest', 'edge', 'stable']);
  while (tags.size < count) tags.add(schemes[int(schemes.length)]());
  return [...tags];
}

function measure(operation: () => unknown): { ms: number; heapMb: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  operation();
  const ms = performance.now() - start;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  return { ms, heapMb };
}

interface Figures {
  name: string;
  firstMs: number;
  medianMs: number;
  minMs: number;
  heapMb: number;
}

// The first run includes compiling the code; later runs show steady state.
function run(name: string, operation: () => unknown): Figures {
  const first = measure(operation);
  const warm = Array.from({ length: WARM_RUNS }, () => measure(operation));
  const times = warm.map(figures => figures.ms).sort((a, b) => a - b);
  const figures = {
    name,
    firstMs: first.ms,
    medianMs: times[Math.floor(times.length / 2)],
    minMs: times[0],
    heapMb: Math.max(first.heapMb, ...warm.map(w => w.heapMb)),
  };
  process.stdout.write(
    `${name}\n  first run ${figures.firstMs.toFixed(1)} ms, ` +
      `median of ${WARM_RUNS} more ${figures.medianMs.toFixed(1)} ms ` +
      `(fastest ${figures.minMs.toFixed(1)} ms), ` +
      `heap grew up to ${figures.heapMb.toFixed(1)} MB during a run\n`,
  );
  return figures;
}

const tags = generateTags(TAG_COUNT);
const everything = parseImagePattern('example.com/base/image:*');
const ranged = parseImagePattern(
  'example.com/base/image:* !*.0.0 range=">=5 <25"',
);
process.stdout.write(
  `${tags.length} tags, e.g. ${tags.slice(3, 8).join(', ')}\n`,
);

const ranked = [
  run('rankTags: all tags newest first', () => rankTags(tags)),
  run(`selectTags "${everything.key}", top 100`, () =>
    selectTags(everything, tags),
  ),
];
run(`selectTags "${ranged.key}", top 100 (not in target)`, () =>
  selectTags(ranged, tags),
);
const { counts } = selectTags(everything, tags);
process.stdout.write(`counts for "*": ${JSON.stringify(counts)}\n`);
const rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`peak RSS of the process ${rssMb.toFixed(0)} MB\n`);

for (const figures of ranked) {
  const within = figures.medianMs < TARGET_MS;
  process.stdout.write(
    `${within ? 'within' : 'OVER'} the ${TARGET_MS} ms target: ` +
      `${figures.name} (median ${figures.medianMs.toFixed(1)} ms)\n`,
  );
  if (!within) process.exitCode = 1;
}
