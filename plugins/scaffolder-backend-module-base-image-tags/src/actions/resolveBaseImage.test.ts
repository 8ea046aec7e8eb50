import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { FakeRegistry } from '@base-image-tags/plugin-base-image-tags-node/testing';
import {
  REGISTRY_PASSWORD,
  startResolveBackend,
  startScriptedRegistry,
} from '../__testUtils__/startResolveBackend';

jest.setTimeout(30_000);

type ResolveInput = { pattern: string; index?: number; live?: boolean };

describe('base-image-tags:resolve against the backend', () => {
  let registry: FakeRegistry;
  let host: string;
  let alpine: string[];
  let actions: TemplateAction<any, any, any>[];
  let action: TemplateAction<any, any, any>;

  beforeAll(async () => {
    alpine = ['3.18.0', '3.19.0', '3.19.1', 'latest'];
    registry = await startScriptedRegistry({ 'library/alpine': alpine });
    host = registry.host;
    actions = [];
    await startResolveBackend({
      registry,
      patterns: [`${host}/library/alpine:3.*`, `${host}/library/alpine:9.*`],
      annotation: [`${host}/team/locked:1.*`, '10.1.2.3/secret/app:1.*'],
      actions,
    });
    action = actions[0];
  });
  afterAll(() => registry.stop());

  async function resolve(input: ResolveInput) {
    const ctx = createMockActionContext({ input });
    await action.handler(ctx);
    const output = Object.fromEntries(
      (ctx.output as jest.Mock).mock.calls.map(([name, value]) => [
        name,
        value,
      ]),
    );
    return output;
  }

  async function failure(input: ResolveInput): Promise<Error> {
    const error = await resolve(input).then(
      () => undefined,
      (e: Error) => e,
    );
    if (!error) throw new Error(`Resolving ${JSON.stringify(input)} passed`);
    // One line each, with no stack trace for the task log.
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.stack).toBe(`${error.name}: ${error.message}`);
    return error;
  }

  it('is added to the scaffolder by the module', () => {
    expect(actions.map(a => a.id)).toEqual(['base-image-tags:resolve']);
  });

  it('declares its input and output schema and supports dry runs', () => {
    expect(action.supportsDryRun).toBe(true);
    expect(action.schema?.input).toMatchObject({
      type: 'object',
      required: ['pattern'],
      properties: {
        pattern: { type: 'string' },
        index: { type: 'integer', minimum: 0 },
        live: { type: 'boolean' },
      },
    });
    expect(Object.keys(action.schema?.output?.properties ?? {})).toEqual([
      'tag',
      'image',
      'tags',
    ]);
  });

  it('resolves the newest stored tag of a declared pattern', async () => {
    expect(await resolve({ pattern: `${host}/library/alpine:3.*` })).toEqual({
      tag: '3.19.1',
      image: `${host}/library/alpine:3.19.1`,
      tags: ['3.19.1', '3.19.0', '3.18.0'],
    });
  });

  it('takes the tag at index, and refuses an index past the last', async () => {
    const older = await resolve({
      pattern: `${host}/library/alpine:3.*`,
      index: 2,
    });
    expect(older.image).toBe(`${host}/library/alpine:3.18.0`);

    const error = await failure({
      pattern: `${host}/library/alpine:3.*`,
      index: 3,
    });
    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      `index 3 is out of range: "${host}/library/alpine:3.*" has 3 ranked ` +
        'tags, so index goes from 0 (newest) to 2',
    );
  });

  it('lists the registry now with live: true, storing nothing', async () => {
    alpine.push('3.20.0');
    try {
      const live = await resolve({
        pattern: `${host}/library/alpine:3.*`,
        live: true,
      });
      expect(live).toEqual({
        tag: '3.20.0',
        image: `${host}/library/alpine:3.20.0`,
        tags: ['3.20.0', '3.19.1', '3.19.0', '3.18.0'],
      });
      const stored = await resolve({ pattern: `${host}/library/alpine:3.*` });
      expect(stored.tag).toBe('3.19.1');

      // A pattern no one declares, with an exclusion.
      const undeclared = await resolve({
        pattern: `${host}/library/alpine:3.* !3.20.*`,
        live: true,
      });
      expect(undeclared.tag).toBe('3.19.1');
    } finally {
      alpine.pop();
    }
  });

  it('refuses an invalid pattern with the parser’s message', async () => {
    const before = registry.requests.length;
    const error = await failure({ pattern: 'alpine' });
    expect(error.name).toBe('InputError');
    expect(error.message).toBe(
      'Invalid base image pattern "alpine": the tag glob after ":" is ' +
        'missing; add one, e.g. ":3.19.*" or ":*". Write it as ' +
        '[registry[:port]/]repository:tag-glob, e.g. "alpine:3.19.*" or ' +
        '"registry.access.redhat.com/ubi8/ubi:8.10-*"',
    );
    expect(registry.requests.length).toBe(before);
  });

  it('names the config key when the registry is not allowed', async () => {
    const stored = await failure({ pattern: '10.1.2.3/secret/app:1.*' });
    expect(stored.name).toBe('NotAllowedError');
    expect(stored.message).toContain(
      'add an entry "host: 10.1.2.3" under baseImageTags.registries',
    );

    // Live, the same fake registry under a name that is not allowed is
    // never contacted.
    const before = registry.requests.length;
    const port = host.split(':')[1];
    const live = await failure({
      pattern: `localhost:${port}/library/alpine:3.*`,
      live: true,
    });
    expect(live.name).toBe('NotAllowedError');
    expect(live.message).toContain(
      `"host: localhost:${port}" under baseImageTags.registries`,
    );
    expect(registry.requests.length).toBe(before);
  });

  it('says how many tags the repository has when none matches', async () => {
    const stored = await failure({ pattern: `${host}/library/alpine:9.*` });
    expect(stored.name).toBe('NotFoundError');
    expect(stored.message).toMatch(
      /^No tag matches ".*\/library\/alpine:9\.\*": .*library\/alpine has 4 tags; 0 match the glob "9\.\*"; widen/,
    );

    const live = await failure({
      pattern: `${host}/library/alpine:3.* !3.*`,
      live: true,
    });
    expect(live.name).toBe('NotFoundError');
    expect(live.message).toContain(
      'has 4 tags; 3 match the glob "3.*", 3 excluded;',
    );
  });

  it('gives the health reason of a failing registry, without credentials', async () => {
    const basic = Buffer.from(`robot:${REGISTRY_PASSWORD}`).toString('base64');
    for (const live of [false, true]) {
      const error = await failure({
        pattern: `${host}/team/locked:1.*`,
        live,
      });
      expect(error.name).toBe('ServiceUnavailableError');
      expect(error.message).toMatch(
        /^Registry failing: .* denied listing the tags of team\/locked/,
      );
      expect(error.message).not.toContain(REGISTRY_PASSWORD);
      expect(error.message).not.toContain(basic);
      expect(error.message).not.toContain('mock-service-token');
    }
  });

  it('says how to declare a pattern that is neither declared nor live', async () => {
    const error = await failure({ pattern: `${host}/library/alpine:3.18.*` });
    expect(error.name).toBe('NotFoundError');
    expect(error.message).toBe(
      `Pattern "${host}/library/alpine:3.18.*" is not declared; declare it ` +
        'in the base-image-tags/patterns annotation of an entity or in ' +
        'baseImageTags.patterns; or set live: true on this step to list ' +
        'the registry now',
    );
  });
});
