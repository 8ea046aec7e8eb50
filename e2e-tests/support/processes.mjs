// Child processes of the end-to-end test: each runs in its own process
// group so that it and everything it starts can be stopped together, and
// every one still running is killed when the test process exits, even on
// failure.

import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

const running = new Set();

function killAll() {
  for (const child of running) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

// Resolves to the promise's value, or to 'timeout' after `ms`; the timer
// is cleared either way so that it does not keep the test process alive.
async function within(promise, ms) {
  let timer;
  const timeout = new Promise(resolve => {
    timer = setTimeout(resolve, ms, 'timeout');
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Starts a command in its own process group, its output appended to
 * `logFile`. Returns the child and a promise of its exit code.
 */
export function startProcess(command, args, { cwd, env, logFile }) {
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  running.add(child);
  const exited = new Promise(resolve => {
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve(code ?? signal);
    });
  });
  return { child, exited };
}

/**
 * Stops a process group started by {@link startProcess}: SIGTERM, then
 * SIGKILL if it has not exited within `graceMs`.
 */
export async function stopProcess(started, graceMs = 10_000) {
  if (!started || !running.has(started.child)) return;
  const group = -started.child.pid;
  try {
    process.kill(group, 'SIGTERM');
  } catch {
    return;
  }
  if ((await within(started.exited, graceMs)) === 'timeout') {
    try {
      process.kill(group, 'SIGKILL');
    } catch {
      // Exited meanwhile.
    }
    await started.exited;
  }
}

/** Runs a command to completion within `timeoutMs`; throws on failure. */
export async function runProcess(command, args, options) {
  const started = startProcess(command, args, options);
  const outcome = await within(started.exited, options.timeoutMs);
  if (outcome === 'timeout') {
    await stopProcess(started, 2_000);
    throw new Error(
      `${command} ${args.join(' ')} took longer than ${
        options.timeoutMs / 1000
      }s; see ${options.logFile}`,
    );
  }
  if (outcome !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${outcome}); see ${
        options.logFile
      }`,
    );
  }
}
