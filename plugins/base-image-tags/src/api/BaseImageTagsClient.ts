import { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  ListResponse,
  NewestTagResponse,
  PatternResult,
  RefreshRequest,
  RefreshResponse,
  RepositoryHealth,
} from '@base-image-tags/plugin-base-image-tags-common';
import { BaseImageTagsApi } from './BaseImageTagsApi';

const PLUGIN_ID = 'base-image-tags';

/**
 * {@link BaseImageTagsApi} over HTTP, authenticated by the app's fetch API.
 *
 * @public
 */
export class BaseImageTagsClient implements BaseImageTagsApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getEntityPatterns(
    entityRef: CompoundEntityRef,
  ): Promise<PatternResult[]> {
    // Entity refs compare kind and namespace case-insensitively.
    const path = [
      entityRef.kind.toLocaleLowerCase('en-US'),
      entityRef.namespace.toLocaleLowerCase('en-US'),
      entityRef.name,
    ]
      .map(encodeURIComponent)
      .join('/');
    const body = await this.request<ListResponse<PatternResult>>(
      `/entities/${path}/patterns`,
    );
    return body.items;
  }

  async getPatterns(): Promise<PatternResult[]> {
    const body = await this.request<ListResponse<PatternResult>>('/patterns');
    return body.items;
  }

  async getRepositories(): Promise<RepositoryHealth[]> {
    const body = await this.request<ListResponse<RepositoryHealth>>(
      '/repositories',
    );
    return body.items;
  }

  async getNewestTag(pattern: string): Promise<NewestTagResponse> {
    return this.request<NewestTagResponse>(
      `/newest?${new URLSearchParams({ pattern })}`,
    );
  }

  async refresh(request: RefreshRequest): Promise<RefreshResponse> {
    return this.request<RefreshResponse>('/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(PLUGIN_ID);
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, init);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
