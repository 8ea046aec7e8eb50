// Builds the app when its bundle is missing or older than the sources it
// is built from.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from './processes.mjs';

const SOURCES = [
  'packages/app/src',
  'packages/app/public',
  'plugins/base-image-tags/src',
  'plugins/base-image-tags-common/src',
];

// Tests are not part of the bundle.
const TEST_FILE = /\.test\.[cm]?[jt]sx?$/;

function newestChange(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return TEST_FILE.test(path) ? 0 : stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stat.mtimeMs,
  );
}

/** Builds packages/app unless its dist/index.html is newer than SOURCES. */
export async function buildAppIfStale({ root, logDir }) {
  const bundle = join(root, 'packages/app/dist/index.html');
  if (existsSync(bundle)) {
    const builtAt = statSync(bundle).mtimeMs;
    const changedAt = Math.max(
      ...SOURCES.map(source => newestChange(join(root, source))),
    );
    if (changedAt < builtAt) return 'up to date';
  }
  // The committed Yarn release, run by this Node, whatever is on PATH.
  const releases = join(root, '.yarn/releases');
  const yarn = readdirSync(releases).find(name => /^yarn-.*\.cjs$/.test(name));
  await runProcess(
    process.execPath,
    [join(releases, yarn), 'workspace', 'app', 'build'],
    {
      cwd: root,
      logFile: join(logDir, 'app-build.log'),
      timeoutMs: 240_000,
    },
  );
  return 'built';
}
