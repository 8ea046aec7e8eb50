import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { RunningSensor, startSensor } from '../server/startSensor';

const usage = `Usage: base-image-tags-sensor --config sensor.yaml

Lists container registry tags on behalf of the base-image-tags backend,
for the registries in the config's "allow" list.`;

/**
 * Reads a sensor configuration file (YAML or JSON).
 *
 * @public
 */
export function loadSensorConfigFile(path: string): ConfigReader {
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(
      `Cannot read the sensor config ${path} (${
        (error as NodeJS.ErrnoException).code ?? 'unknown error'
      })`,
    );
  }
  let data: unknown;
  try {
    data = parseYaml(text) ?? {};
  } catch (error) {
    throw new InputError(
      `The sensor config ${path} is not valid YAML: ${
        (error as Error).message
      }`,
    );
  }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new InputError(`The sensor config ${path} must be a YAML mapping`);
  }
  return new ConfigReader(data as Record<string, never>, path);
}

/**
 * The `base-image-tags-sensor` command: starts the sensor and stops it
 * gracefully on SIGTERM or SIGINT. Resolves once it is listening.
 *
 * @public
 */
export async function runSensorCli(
  argv: string[],
): Promise<RunningSensor | undefined> {
  const { values } = parseArgs({
    args: argv,
    options: {
      config: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return undefined;
  }
  if (!values.config) {
    throw new InputError(`Missing --config\n\n${usage}`);
  }
  const sensor = await startSensor(loadSensorConfigFile(values.config), {
    source: values.config,
  });
  let stopping = false;
  const stop = () => {
    if (stopping) {
      return;
    }
    stopping = true;
    sensor.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return sensor;
}
