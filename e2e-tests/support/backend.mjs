// Starts the example backend with the local-registry config and an overlay
// that polls every few seconds. It serves the built app through
// app-backend, so one port serves both.

import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { startProcess, stopProcess } from './processes.mjs';
import { waitFor } from './waitFor.mjs';

// Repositories are listed again only every 4 hours (the default interval),
// so after the first listing a new tag shows up only through a refresh;
// the discovery task wakes every 2 seconds to run what is due.
function overlay(baseUrl, port) {
  return `app:
  baseUrl: ${baseUrl}
backend:
  baseUrl: ${baseUrl}
  listen:
    port: ${port}
  cors:
    origin: ${baseUrl}
catalog:
  processingInterval: { seconds: 5 }
baseImageTags:
  schedule:
    frequency: { seconds: 2 }
    timeout: { minutes: 2 }
    initialDelay: { seconds: 1 }
  backoff:
    initial: { seconds: 5 }
    max: { seconds: 30 }
`;
}

function assertPortFree(port) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', () =>
      reject(
        new Error(
          `Port ${port} is in use; stop the backend running there or set ` +
            'E2E_BACKEND_PORT to a free port',
        ),
      ),
    );
    server.listen(port, () => server.close(resolve));
  });
}

/**
 * Starts the backend and waits until it answers. It runs from its sources
 * without `backstage-cli package start`, whose file watching would restart
 * it (and empty its in-memory database) whenever a source file changes.
 */
export async function startBackend({ root, logDir, port }) {
  await assertPortFree(port);
  const baseUrl = `http://localhost:${port}`;
  const overlayFile = join(logDir, 'app-config.e2e.yaml');
  await writeFile(overlayFile, overlay(baseUrl, port));
  const logFile = join(logDir, 'backend.log');
  const started = startProcess(
    process.execPath,
    [
      '--require',
      join(root, 'node_modules/@backstage/cli/config/nodeTransform.cjs'),
      'src/index.ts',
      '--config',
      '../../app-config.yaml',
      '--config',
      '../../app-config.local-registry.yaml',
      '--config',
      overlayFile,
    ],
    {
      cwd: join(root, 'packages/backend'),
      env: { NODE_ENV: 'development' },
      logFile,
    },
  );
  let exitCode;
  started.exited.then(code => {
    exitCode = code;
  });
  try {
    await waitFor(
      `the backend at ${baseUrl} (log: ${logFile})`,
      async report => {
        if (exitCode !== undefined) {
          throw new Error(`the backend exited (${exitCode}); see ${logFile}`);
        }
        const response = await fetch(`${baseUrl}/api/base-image-tags/health`);
        report(`HTTP ${response.status}`);
        return response.ok ? true : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 1_000 },
    );
  } catch (error) {
    await stopProcess(started);
    throw error;
  }
  return { baseUrl, logFile, stop: () => stopProcess(started) };
}

/** A guest user's token, as the app's sign-in gets it. */
export async function guestToken(baseUrl) {
  const response = await fetch(
    `${baseUrl}/api/auth/guest/refresh?env=development`,
    { headers: { 'x-requested-with': 'XMLHttpRequest' } },
  );
  if (!response.ok) {
    throw new Error(`Guest sign-in: HTTP ${response.status}`);
  }
  return (await response.json()).backstageIdentity.token;
}
