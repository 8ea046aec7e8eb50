import { BaseImageTagsApi } from '../api';

/**
 * A `BaseImageTagsApi` whose methods are jest mocks: the given ones run as
 * written, the others resolve nothing.
 */
export function fakeBaseImageTagsApi(
  methods: Partial<BaseImageTagsApi> = {},
): BaseImageTagsApi {
  return {
    getEntityPatterns: jest.fn(methods.getEntityPatterns),
    getPatterns: jest.fn(methods.getPatterns),
    getRepositories: jest.fn(methods.getRepositories),
    getNewestTag: jest.fn(methods.getNewestTag),
    refresh: jest.fn(methods.refresh),
  };
}
