import { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { EntityBaseImageTagsCard } from './EntityBaseImageTagsCard';

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    annotations: {
      'base-image-tags/patterns': 'alpine:3.19.*\nubi8/ubi:8.10-*',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
};

describe('EntityBaseImageTagsCard', () => {
  it('renders the declared patterns inside the test app', async () => {
    await renderInTestApp(
      <EntityProvider entity={entity}>
        <EntityBaseImageTagsCard />
      </EntityProvider>,
    );

    expect(screen.getByText('Base image tags')).toBeInTheDocument();
    expect(screen.getByText('alpine:3.19.*')).toBeInTheDocument();
    expect(screen.getByText('ubi8/ubi:8.10-*')).toBeInTheDocument();
  });
});
