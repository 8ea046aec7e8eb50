import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The sensor's own command, run from source like a deployment runs it.
const sensorCommand = require.resolve(
  '../../../base-image-tags-sensor/bin/base-image-tags-sensor',
);

/**
 * A sensor running as its own process, for tests.
 *
 * @internal
 */
export interface SensorProcess {
  url: string;
  child: ChildProcess;
  /** Raw stdout and stderr so far. */
  output(): string;
  /**
   * Waits briefly for `count` matches in the output (log lines are written
   * just after the answer) and returns how many there are.
   */
  countInOutput(pattern: RegExp, count: number): Promise<number>;
  /** Sends a signal and waits for the process to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `base-image-tags-sensor --config <file>` with the given config
 * (written as JSON, which YAML reads) and waits for its "listening" line.
 * Use `server.port: 0` to let it pick a free port.
 *
 * @internal
 */
export async function startSensorProcess(
  config: unknown,
): Promise<SensorProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sensor-process-'));
  const file = path.join(dir, 'sensor.yaml');
  fs.writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, [sensorCommand, '--config', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', chunk => {
    output += chunk;
  });
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => {
      fs.rmSync(dir, { recursive: true, force: true });
      resolve();
    }),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Sensor did not start: ${output}`)),
      30_000,
    );
    child.stdout!.on('data', chunk => {
      output += chunk;
      const match = /"message":"Sensor listening on (https?:\/\/[^"]+)"/.exec(
        output,
      );
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`Sensor exited: ${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    async countInOutput(pattern, count) {
      const global = new RegExp(pattern.source, 'g');
      const deadline = Date.now() + 5000;
      for (;;) {
        const found = output.match(global)?.length ?? 0;
        if (found >= count || Date.now() > deadline) {
          return found;
        }
        await new Promise(resolve => setTimeout(resolve, 20));
      }
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
      }
      await exited;
    },
  };
}
