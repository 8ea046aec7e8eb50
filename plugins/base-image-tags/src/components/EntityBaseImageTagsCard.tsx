import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { BASE_IMAGE_TAGS_ANNOTATION } from '@base-image-tags/plugin-base-image-tags-common';
import Typography from '@material-ui/core/Typography';

/**
 * Entity card listing the base image patterns the entity declares.
 *
 * @public
 */
export function EntityBaseImageTagsCard() {
  const { entity } = useEntity();
  const value = entity.metadata.annotations?.[BASE_IMAGE_TAGS_ANNOTATION];
  const patterns = (value ?? '')
    .split(/[\n,]/)
    .map(line => line.trim())
    .filter(Boolean);

  return (
    <InfoCard title="Base image tags">
      {patterns.map(pattern => (
        <Typography key={pattern} variant="body2">
          {pattern}
        </Typography>
      ))}
    </InfoCard>
  );
}
