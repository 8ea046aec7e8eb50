import { CodeSnippet } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { BASE_IMAGE_TAGS_ANNOTATION } from '@base-image-tags/plugin-base-image-tags-common';

const example = `metadata:
  annotations:
    ${BASE_IMAGE_TAGS_ANNOTATION}: |
      registry.access.redhat.com/ubi8/ubi:8.10-*
      alpine:3.19.*`;

/** How to declare base image patterns, for an entity that declares none. */
export function DeclarePatternsHint() {
  return (
    <Box>
      <Typography variant="body2" paragraph>
        This entity declares no base image patterns. Add the{' '}
        <code>{BASE_IMAGE_TAGS_ANNOTATION}</code> annotation to its
        catalog-info.yaml, one pattern per line, to see the newest tag of each:
      </Typography>
      <CodeSnippet text={example} language="yaml" showCopyCodeButton />
    </Box>
  );
}
