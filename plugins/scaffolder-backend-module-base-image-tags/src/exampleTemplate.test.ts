import { mockCredentials } from '@backstage/backend-test-utils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { FakeRegistry } from '@base-image-tags/plugin-base-image-tags-node/testing';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import {
  startResolveBackend,
  startScriptedRegistry,
} from './__testUtils__/startResolveBackend';

jest.setTimeout(60_000);

const templateDir = join(__dirname, '../../../examples/template');

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(entry =>
      entry.isDirectory()
        ? listFiles(join(dir, entry.name))
        : [join(dir, entry.name)],
    ),
  );
  return nested.flat();
}

describe('the example template, through the scaffolder', () => {
  let registry: FakeRegistry;
  let pattern: string;
  let api: (
    path: string,
    body?: object,
  ) => Promise<{ status: number; body: any }>;
  let dryRun: (values: object) => ReturnType<typeof api>;

  beforeAll(async () => {
    registry = await startScriptedRegistry({
      'ubi9/ubi-minimal': ['9.4-1227', '9.5-1734497536', '9.5-1736404155'],
    });
    pattern = `${registry.host}/ubi9/ubi-minimal:9.*`;
    const template = parse(
      await readFile(join(templateDir, 'template.yaml'), 'utf8'),
    );
    const backend = await startResolveBackend({
      registry,
      patterns: [pattern],
      annotation: [],
      entities: [
        {
          ...template,
          metadata: {
            ...template.metadata,
            annotations: {
              'backstage.io/managed-by-location': `file:${templateDir}/template.yaml`,
            },
          },
        },
      ],
      features: [scaffolderPlugin],
    });
    api = async (path, body) => {
      const response = await fetch(
        `http://localhost:${backend.server.port()}/api/scaffolder${path}`,
        {
          method: body ? 'POST' : 'GET',
          headers: {
            'Content-Type': 'application/json',
            Authorization: mockCredentials.user.header(),
          },
          body: body && JSON.stringify(body),
        },
      );
      return { status: response.status, body: await response.json() };
    };
    const directoryContents = await Promise.all(
      (
        await listFiles(templateDir)
      ).map(async file => ({
        path: relative(templateDir, file),
        base64Content: (await readFile(file)).toString('base64'),
      })),
    );
    dryRun = values =>
      api('/v2/dry-run', { template, values, directoryContents });
  });
  afterAll(() => registry.stop());

  it('writes a Dockerfile FROM the newest tag and declares the pattern', async () => {
    const { status, body } = await dryRun({
      name: 'payments-api',
      owner: 'group:default/platform',
      pattern,
    });
    expect(status).toBe(200);

    const image = `${registry.host}/ubi9/ubi-minimal:9.5-1736404155`;
    const files = Object.fromEntries(
      body.directoryContents.map(
        (file: { path: string; base64Content: string }) => [
          file.path,
          Buffer.from(file.base64Content, 'base64').toString('utf8'),
        ],
      ),
    );
    expect(Object.keys(files).sort()).toEqual([
      'Dockerfile',
      'catalog-info.yaml',
    ]);
    expect(files.Dockerfile).toContain(`\nFROM ${image}\n`);
    expect(parse(files['catalog-info.yaml'])).toMatchObject({
      kind: 'Component',
      metadata: {
        name: 'payments-api',
        annotations: { 'base-image-tags/patterns': pattern },
      },
      spec: { owner: 'group:default/platform' },
    });
    expect(body.output.text[0].content).toContain(`FROM ${image}`);
  });

  it('shows the template author why a pattern cannot be resolved', async () => {
    const { status, body } = await dryRun({
      name: 'payments-api',
      owner: 'group:default/platform',
      pattern: `${registry.host}/ubi9/ubi-minimal:8.*`,
    });
    expect(status).toBe(404);
    expect(body.error).toEqual({
      name: 'NotFoundError',
      message: expect.stringMatching(
        /^Pattern ".*ubi-minimal:8\.\*" is not declared; .* or set live: true on this step/,
      ),
    });
  });

  it('runs as a task, and logs a failed resolution in one line', async () => {
    const run = async (values: object) => {
      const created = await api('/v2/tasks', {
        templateRef: 'template:default/service-on-newest-base-image',
        values,
      });
      expect(created.status).toBe(201);
      const events: any[] = [];
      while (!events.some(event => event.type === 'completion')) {
        const after = events.length ? `?after=${events.at(-1).id}` : '';
        events.push(
          ...(await api(`/v2/tasks/${created.body.id}/events${after}`)).body,
        );
      }
      return events;
    };
    const values = { name: 'payments-api', owner: 'group:default/platform' };

    const done = await run({ ...values, pattern, live: true });
    expect(done.at(-1).body.output.text[0].content).toContain(
      `FROM ${registry.host}/ubi9/ubi-minimal:9.5-1736404155`,
    );

    const failed = await run({
      ...values,
      pattern: `${registry.host}/ubi9/ubi-minimal:8.*`,
    });
    // The scaffolder writes a failed step's stack to the log: one line.
    expect(failed.filter(e => e.body.status === 'failed')).toEqual([
      expect.objectContaining({
        body: {
          stepId: 'base-image',
          status: 'failed',
          message: expect.stringMatching(
            /^NotFoundError: Pattern ".*:8\.\*" is not declared; [^\n]*$/,
          ),
        },
      }),
    ]);
    expect(failed.at(-1).body.error.name).toBe('NotFoundError');
  });
});
