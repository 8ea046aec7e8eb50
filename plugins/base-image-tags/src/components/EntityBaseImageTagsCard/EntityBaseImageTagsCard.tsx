import {
  EmptyState,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { baseImageTagsRefreshPermission } from '@base-image-tags/plugin-base-image-tags-common';
import Button from '@material-ui/core/Button';
import RefreshIcon from '@material-ui/icons/Refresh';
import { baseImageTagsApiRef } from '../../api';
import { useEntityPatterns } from '../../hooks/useEntityPatterns';
import { RefreshStatus } from '../../refresh/RefreshStatus';
import { isBusy, useRefreshWatch } from '../../refresh/useRefreshWatch';
import { RefreshWatchOptions } from '../../refresh/waitForRefresh';
import { DeclarePatternsHint } from '../DeclarePatternsHint';
import { PatternSummary } from './PatternSummary';

const TITLE = 'Base image tags';

/**
 * Props of {@link EntityBaseImageTagsCard}.
 *
 * @public
 */
export interface EntityBaseImageTagsCardProps {
  /** How often and how long the card watches a refresh it started. */
  refreshWatch?: RefreshWatchOptions;
}

/**
 * Entity card with the newest tag of each base image pattern the entity
 * declares, their health, and a refresh for those allowed to ask for one.
 * On an entity without patterns it explains how to declare them.
 *
 * @public
 */
export function EntityBaseImageTagsCard(props: EntityBaseImageTagsCardProps) {
  const { entity } = useEntity();
  const api = useApi(baseImageTagsApiRef);
  const patterns = useEntityPatterns(entity);
  const { allowed: canRefresh } = usePermission({
    permission: baseImageTagsRefreshPermission,
  });
  const refresh = useRefreshWatch({
    load: patterns.load,
    onRows: patterns.setRows,
    ...props.refreshWatch,
  });
  const refreshState = refresh.stateOf(patterns.entityRef);

  if (!patterns.annotation) {
    return (
      <InfoCard title={TITLE}>
        <DeclarePatternsHint />
      </InfoCard>
    );
  }

  let body;
  if (patterns.error && !patterns.rows) {
    body = <ResponseErrorPanel error={patterns.error} />;
  } else if (!patterns.rows) {
    body = <Progress />;
  } else if (patterns.rows.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No patterns yet"
        description="The backend has not read this entity's patterns yet."
      />
    );
  } else {
    body = patterns.rows.map(result => (
      <PatternSummary key={result.pattern} result={result} />
    ));
  }

  return (
    <InfoCard
      title={TITLE}
      action={
        canRefresh ? (
          <Button
            size="small"
            color="primary"
            startIcon={<RefreshIcon />}
            aria-label="Refresh base image tags"
            onClick={() =>
              refresh.start(patterns.entityRef, () =>
                api.refresh({ entityRef: patterns.entityRef }),
              )
            }
            disabled={isBusy(refreshState)}
          >
            Refresh
          </Button>
        ) : undefined
      }
    >
      <RefreshStatus state={refreshState} />
      {body}
    </InfoCard>
  );
}
