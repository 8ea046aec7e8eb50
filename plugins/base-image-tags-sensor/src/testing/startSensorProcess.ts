import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';

const bin = require.resolve('../../bin/base-image-tags-sensor');

/**
 * A sensor running as its own process, started through its command.
 *
 * @internal
 */
export interface SensorProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything it wrote to stdout so far, one JSON object per line. */
  logLines(): Array<Record<string, unknown>>;
  /** Waits until `count` log lines match; they are written after answers. */
  waitForLogLines(
    match: (line: Record<string, unknown>) => boolean,
    count: number,
  ): Promise<Array<Record<string, unknown>>>;
  /** Raw stdout and stderr so far. */
  output(): string;
  /** Sends a signal and waits for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Runs the command with the given arguments, or with a temporary config
 * file holding `config`; resolves when it exits.
 *
 * @internal
 */
export async function runSensorCommand(
  input: { args: string[] } | { config: unknown },
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sensor-run-'));
  const file = path.join(dir, 'sensor.yaml');
  let args: string[];
  if ('args' in input) {
    args = input.args;
  } else {
    fs.writeFileSync(file, stringify(input.config));
    args = ['--config', file];
  }
  try {
    const child = spawn(process.execPath, [bin, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', chunk => {
      stdout += chunk;
    });
    child.stderr!.on('data', chunk => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>(resolve =>
      child.once('exit', resolve),
    );
    return { code, stdout, stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Writes the config to a temporary file, starts
 * `base-image-tags-sensor --config <file>` and waits for its "listening"
 * line. Use `server.port: 0` to let it pick a free port.
 *
 * @internal
 */
export async function startSensorProcess(
  config: unknown,
): Promise<SensorProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sensor-process-'));
  const file = path.join(dir, 'sensor.yaml');
  fs.writeFileSync(file, stringify(config));
  const child = spawn(process.execPath, [bin, '--config', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', chunk => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>(resolve =>
    child.once('exit', code => {
      fs.rmSync(dir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  const logLines = () =>
    stdout
      .split('\n')
      .filter(line => line.startsWith('{'))
      .map(line => JSON.parse(line) as Record<string, unknown>);

  const listening = await new Promise<Record<string, unknown>>(
    (resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Sensor did not start: ${stdout}${stderr}`)),
        30_000,
      );
      child.stdout!.on('data', chunk => {
        stdout += chunk;
        const line = logLines().find(entry =>
          String(entry.message).startsWith('Sensor listening'),
        );
        if (line) {
          clearTimeout(timer);
          resolve(line);
        }
      });
      exited.then(code => {
        clearTimeout(timer);
        reject(new Error(`Sensor exited with ${code}: ${stdout}${stderr}`));
      });
    },
  );
  const port = Number(listening.port);
  const scheme = listening.tls ? 'https' : 'http';
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    child,
    logLines,
    output: () => `${stdout}${stderr}`,
    async waitForLogLines(match, count) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const lines = logLines().filter(match);
        if (lines.length >= count || Date.now() > deadline) {
          return lines;
        }
        await new Promise(resolve => setTimeout(resolve, 20));
      }
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
      }
      return exited;
    },
  };
}
