import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { PatternResult } from '@base-image-tags/plugin-base-image-tags-common';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BaseImageTagsApi, baseImageTagsApiRef } from '../../api';
import {
  entityWith,
  failing,
  healthy,
  notAllowed,
  pending,
} from '../../testing/fixtures';
import { fakeBaseImageTagsApi } from '../../testing/fakeApi';
import { permissionPair } from '../../testing/permissions';
import { EntityBaseImageTagsCard } from './EntityBaseImageTagsCard';

// Refresh is denied in this file; the refresh flow is tested with the
// permission allowed in EntityBaseImageTagsCard.refresh.test.tsx (the
// permission hook caches decisions per test file).

const fakeApi = (getEntityPatterns: BaseImageTagsApi['getEntityPatterns']) =>
  fakeBaseImageTagsApi({ getEntityPatterns });

async function renderCard(
  annotation: string | undefined,
  api: BaseImageTagsApi,
) {
  await renderInTestApp(
    <EntityProvider entity={entityWith(annotation)}>
      <EntityBaseImageTagsCard />
    </EntityProvider>,
    { apis: [[baseImageTagsApiRef, api], permissionPair(false)] },
  );
}

const annotationOf = (...results: PatternResult[]) =>
  results.map(result => result.pattern).join('\n');

describe('EntityBaseImageTagsCard', () => {
  it('shows a healthy pattern’s newest image with a copy button, counts and poll times', async () => {
    const api = fakeApi(async () => [healthy]);
    await renderCard(annotationOf(healthy), api);

    const section = await screen.findByRole('region', {
      name: healthy.pattern,
    });
    const card = within(section);
    expect(card.getByLabelText('Newest image')).toHaveTextContent(
      'localhost:5050/ubi8/ubi:8.10-1088.1696512345',
    );
    expect(
      card.getByRole('button', {
        name: 'Copy localhost:5050/ubi8/ubi:8.10-1088.1696512345',
      }),
    ).toBeInTheDocument();
    expect(card.getByText('Healthy')).toBeInTheDocument();
    // 6 matched the glob; one is another variant, so 5 are kept.
    expect(section).toHaveTextContent('6 tags match · 5 kept · checked');
    expect(section).toHaveTextContent('checked 5 minutes ago');
    expect(section).toHaveTextContent('next check in 4 hours');
    expect(api.getEntityPatterns).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'payments-service',
    });
  });

  it('shows the exact time when hovering a relative time', async () => {
    await renderCard(
      annotationOf(healthy),
      fakeApi(async () => [healthy]),
    );

    await userEvent.hover(await screen.findByText('5 minutes ago'));

    const exact = new Intl.DateTimeFormat('en', {
      dateStyle: 'medium',
      timeStyle: 'long',
    }).format(new Date(healthy.lastPolledAt!));
    expect(await screen.findByRole('tooltip')).toHaveTextContent(exact);
  });

  it('expands a pattern to its top tags with first-seen dates and the counts', async () => {
    await renderCard(
      annotationOf(healthy),
      fakeApi(async () => [healthy]),
    );

    const toggle = await screen.findByRole('button', {
      name: 'Top tags and counts',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    await userEvent.click(toggle);

    const tags = screen.getByRole('table', {
      name: `Top tags of ${healthy.pattern}`,
    });
    const rows = within(tags).getAllByRole('row').slice(1);
    expect(rows.map(row => row.textContent)).toEqual([
      '8.10-1088.1696512345yesterday',
      '8.10-10882 days ago',
      '8.10-10203 days ago',
      '8.10-8964 days ago',
      '8.105 days ago',
    ]);

    const counts = screen.getByRole('table', {
      name: `Tag counts of ${healthy.pattern}`,
    });
    expect(
      within(counts)
        .getAllByRole('row')
        .map(row => row.textContent),
    ).toEqual([
      'In the repository9',
      'Not image tags (signatures, SBOMs, digests)0',
      'Matched by the pattern6',
      'Left out by exclusions0',
      'Outside the version range0',
      'Left out as other variants or without a version1',
      'Kept, newest first5',
    ]);
  });

  it('shows a pattern waiting for its first poll', async () => {
    await renderCard(
      annotationOf(pending),
      fakeApi(async () => [pending]),
    );

    const section = await screen.findByRole('region', {
      name: pending.pattern,
    });
    expect(within(section).getByText('Waiting for first poll')).toBeVisible();
    expect(section).toHaveTextContent('No matching tag yet');
    expect(section).toHaveTextContent('not checked yet');
  });

  it('shows a declared pattern the backend does not know yet as pending', async () => {
    await renderCard(
      annotationOf(healthy, pending),
      fakeApi(async () => [healthy]),
    );

    const section = await screen.findByRole('region', {
      name: pending.pattern,
    });
    expect(within(section).getByText('Waiting for first poll')).toBeVisible();
  });

  it('shows a failing pattern with since when and why', async () => {
    await renderCard(
      annotationOf(failing),
      fakeApi(async () => [failing]),
    );

    const section = await screen.findByRole('region', {
      name: failing.pattern,
    });
    expect(within(section).getByText('Failing')).toBeVisible();
    expect(section).toHaveTextContent(
      'Failing since 2 hours ago: repository name not known to registry (HTTP 404 NAME_UNKNOWN)',
    );
    // Nothing was ever listed, so no tags are kept.
    expect(section).toHaveTextContent('No matching tag yet');
    expect(section).not.toHaveTextContent('are kept');
  });

  it('says the last good tags are kept when a failing pattern has some', async () => {
    const failingWithTags: PatternResult = {
      ...failing,
      newestTag: '1.4',
      newestImage: 'localhost:5050/platform/retired-base:1.4',
      tags: [{ tag: '1.4', rank: 0, firstSeenAt: failing.failingSince! }],
    };
    await renderCard(
      annotationOf(failingWithTags),
      fakeApi(async () => [failingWithTags]),
    );

    const section = await screen.findByRole('region', {
      name: failing.pattern,
    });
    expect(section).toHaveTextContent(
      'The last tags listed successfully are kept.',
    );
  });

  it('shows a registry that is not allowed with the configuration to add', async () => {
    await renderCard(
      annotationOf(notAllowed),
      fakeApi(async () => [notAllowed]),
    );

    const section = await screen.findByRole('region', {
      name: notAllowed.pattern,
    });
    expect(within(section).getByText('Registry not allowed')).toBeVisible();
    expect(section).toHaveTextContent(
      'Registry quay.io/private is not on the allow-list',
    );
    expect(section.querySelector('pre')?.textContent).toBe(
      'baseImageTags:\n  registries:\n    - host: quay.io',
    );
    expect(
      within(section).queryByRole('button', { name: 'Top tags and counts' }),
    ).not.toBeInTheDocument();
  });

  it('shows an invalid pattern with the parser’s message', async () => {
    const annotation = `${healthy.pattern}\nalpine@sha256:abcdef`;
    await renderCard(
      annotation,
      fakeApi(async () => [healthy]),
    );

    const section = await screen.findByRole('region', {
      name: 'alpine@sha256:abcdef',
    });
    expect(within(section).getByText('Invalid pattern')).toBeVisible();
    expect(section).toHaveTextContent(
      'Invalid base image pattern "alpine@sha256:abcdef": a digest names one image, not a set of tags',
    );
  });

  it('shows the backend’s message for a pattern it reports invalid', async () => {
    const invalid: PatternResult = {
      pattern: 'alpine:3.*',
      status: 'invalid',
      error: 'Invalid glob "3.*" in base image pattern',
      sources: [],
      tags: [],
    };
    await renderCard(
      'alpine:3.*',
      fakeApi(async () => [invalid]),
    );

    const section = await screen.findByRole('region', { name: 'alpine:3.*' });
    expect(section).toHaveTextContent(
      'Invalid glob "3.*" in base image pattern',
    );
  });

  it('explains how to declare patterns on an entity without the annotation', async () => {
    const api = fakeApi(async () => []);
    const { container } = await renderInTestApp(
      <EntityProvider entity={entityWith(undefined)}>
        <EntityBaseImageTagsCard />
      </EntityProvider>,
      { apis: [[baseImageTagsApiRef, api], permissionPair(false)] },
    );

    expect(
      await screen.findByText(/This entity declares no base image patterns/),
    ).toBeInTheDocument();
    expect(container.textContent).toContain('base-image-tags/patterns: |');
    expect(container.textContent).toContain(
      'registry.access.redhat.com/ubi8/ubi:8.10-*',
    );
    expect(api.getEntityPatterns).not.toHaveBeenCalled();
  });

  it('shows progress while loading', async () => {
    await renderCard(
      annotationOf(healthy),
      fakeApi(() => new Promise(() => {})),
    );

    expect(await screen.findByRole('progressbar')).toBeInTheDocument();
    expect(screen.queryByText('Healthy')).not.toBeInTheDocument();
  });

  it('shows the error when the backend cannot be read', async () => {
    await renderCard(
      annotationOf(healthy),
      fakeApi(async () => {
        throw new Error('The base-image-tags backend is unavailable');
      }),
    );

    expect(
      await screen.findAllByText(/The base-image-tags backend is unavailable/),
    ).not.toHaveLength(0);
  });

  it('offers no refresh when the permission is denied', async () => {
    await renderCard(
      annotationOf(healthy),
      fakeApi(async () => [healthy]),
    );

    await screen.findByText('Healthy');
    // The decision arrives after the first render; give it time to apply.
    await waitFor(() =>
      expect(
        screen.queryByRole('button', { name: 'Refresh base image tags' }),
      ).not.toBeInTheDocument(),
    );
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(
      screen.queryByRole('button', { name: 'Refresh base image tags' }),
    ).not.toBeInTheDocument();
  });
});
