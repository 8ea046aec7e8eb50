import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { useEntityPatterns } from '../../hooks/useEntityPatterns';
import { DeclarePatternsHint } from '../DeclarePatternsHint';
import { PatternTagsTable } from './PatternTagsTable';

/**
 * Entity page tab with a table of every stored tag of each pattern the
 * entity declares.
 *
 * @public
 */
export function EntityBaseImageTagsContent() {
  const { entity } = useEntity();
  const patterns = useEntityPatterns(entity);

  if (!patterns.annotation) {
    return (
      <InfoCard title="Base image tags">
        <DeclarePatternsHint />
      </InfoCard>
    );
  }
  if (patterns.error) {
    return <ResponseErrorPanel error={patterns.error} />;
  }
  if (!patterns.rows) {
    return <Progress />;
  }
  if (patterns.rows.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No patterns yet"
        description="The backend has not read this entity's patterns yet."
      />
    );
  }
  return (
    <Grid container spacing={3}>
      {patterns.rows.map(result => (
        <Grid item xs={12} key={result.pattern}>
          <PatternTagsTable result={result} />
        </Grid>
      ))}
    </Grid>
  );
}
