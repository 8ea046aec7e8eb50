import {
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  baseImageTagsRefreshPermission,
  RepositoryHealth,
  RepositoryStatus,
} from '@base-image-tags/plugin-base-image-tags-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { baseImageTagsApiRef } from '../../api';
import { useRefreshWatch } from '../../refresh/useRefreshWatch';
import { RefreshWatchOptions } from '../../refresh/waitForRefresh';
import { HealthChip } from '../status/HealthChip';
import { HealthProblem } from '../status/HealthProblem';
import { compareStatus, statusLabels } from '../status/statusLabels';
import { RelativeTime } from '../time/RelativeTime';
import { RepositoryRefreshButton } from './RepositoryRefreshButton';

type StatusFilter = RepositoryStatus | 'all';

const filters: StatusFilter[] = [
  'all',
  'failing',
  'not-allowed',
  'pending',
  'ok',
];

const useStyles = makeStyles(theme => ({
  // The table's cells break words anywhere, which lets the browser shrink
  // a column to a few characters; break only where a word does not fit.
  mono: {
    fontFamily: 'monospace',
    wordBreak: 'normal',
    overflowWrap: 'break-word',
  },
  usedBy: { wordBreak: 'normal' },
  filters: { flexWrap: 'wrap', marginBottom: theme.spacing(2) },
  list: { margin: 0, padding: 0, listStyle: 'none' },
}));

function byProblemsFirst(a: RepositoryHealth, b: RepositoryHealth): number {
  return (
    compareStatus(a.status, b.status) ||
    a.repository.localeCompare(b.repository)
  );
}

function byTime(field: 'lastPolledAt' | 'nextPollAt') {
  return (a: RepositoryHealth, b: RepositoryHealth) =>
    Date.parse(a[field] ?? '') - Date.parse(b[field] ?? '') || 0;
}

// A pattern on its repository, shown without the repository when it
// starts with it: `:8.10-*` for `localhost:5050/ubi8/ubi:8.10-*`.
function tagPartOf(pattern: string, repository: string): string {
  return pattern.startsWith(`${repository}:`)
    ? pattern.slice(repository.length)
    : pattern;
}

function UsedBy(props: { refs: string[]; className: string }) {
  const entityRefs = props.refs.filter(ref => ref !== 'config');
  return (
    <span className={props.className}>
      {props.refs.includes('config') && (
        <Typography variant="body2">app-config</Typography>
      )}
      {entityRefs.length > 0 && (
        <EntityRefLinks entityRefs={entityRefs} defaultKind="component" />
      )}
    </span>
  );
}

/**
 * Props of {@link BaseImageTagsOverview}.
 *
 * @public
 */
export interface BaseImageTagsOverviewProps {
  /** How often and how long a repository's refresh is watched. */
  refreshWatch?: RefreshWatchOptions;
}

/**
 * Every repository polled for base image tags, problems first, with a
 * status filter and a refresh per repository for those allowed one.
 *
 * @public
 */
export function BaseImageTagsOverview(props: BaseImageTagsOverviewProps) {
  const classes = useStyles();
  const api = useApi(baseImageTagsApiRef);
  const { allowed: canRefresh } = usePermission({
    permission: baseImageTagsRefreshPermission,
  });
  const initial = useAsync(() => api.getRepositories(), [api]);
  const [fresh, setFresh] = useState<RepositoryHealth[]>();
  const [filter, setFilter] = useState<StatusFilter>('all');
  const items = fresh ?? initial.value;
  const alertApi = useApi(alertApiRef);
  const refresh = useRefreshWatch({
    load: () => api.getRepositories(),
    onRows: setFresh,
    onSettled: (repository, state) => {
      if (state.phase === 'failed') {
        alertApi.post({
          message: `Refresh of ${repository} failed: ${state.error.message}`,
          severity: 'error',
        });
      } else if (state.phase === 'done' && !state.complete) {
        alertApi.post({
          message: `${repository} is still being listed; reload later to see the result.`,
          severity: 'info',
          display: 'transient',
        });
      }
    },
    ...props.refreshWatch,
  });

  const sorted = useMemo(
    () => [...(items ?? [])].sort(byProblemsFirst),
    [items],
  );
  const shown =
    filter === 'all' ? sorted : sorted.filter(item => item.status === filter);

  if (initial.error) {
    return <ResponseErrorPanel error={initial.error} />;
  }
  if (!items) {
    return <Progress />;
  }

  const columns: TableColumn<RepositoryHealth>[] = [
    {
      title: 'Status',
      field: 'status',
      width: '9rem',
      customSort: (a, b) => compareStatus(a.status, b.status),
      render: row => <HealthChip status={row.status} />,
    },
    {
      title: 'Repository',
      field: 'repository',
      highlight: true,
      cellStyle: { minWidth: 240 },
      render: row => (
        <>
          <span className={classes.mono}>{row.repository}</span>
          {row.sensor && (
            <Typography variant="caption" display="block">
              via sensor {row.sensor}
            </Typography>
          )}
          <HealthProblem
            status={row.status}
            error={row.lastError}
            failingSince={row.failingSince}
            registry={row.registry}
            hasStoredTags={(row.tagCount ?? 0) > 0}
          />
        </>
      ),
    },
    {
      title: 'Tags',
      field: 'tagCount',
      type: 'numeric',
      align: 'left',
      width: '5rem',
    },
    {
      title: 'Patterns',
      field: 'patterns',
      sorting: false,
      render: row => (
        <ul className={classes.list}>
          {row.patterns.map(pattern => (
            <li key={pattern} className={classes.mono} title={pattern}>
              {tagPartOf(pattern, row.repository)}
            </li>
          ))}
        </ul>
      ),
    },
    {
      title: 'Used by',
      field: 'entityRefs',
      sorting: false,
      render: row => (
        <UsedBy refs={row.entityRefs} className={classes.usedBy} />
      ),
    },
    {
      title: 'Polled',
      field: 'lastPolledAt',
      width: '9rem',
      searchable: false,
      customSort: byTime('lastPolledAt'),
      render: row => (
        <>
          <RelativeTime time={row.lastPolledAt} />
          {row.nextPollAt && (
            <Typography variant="caption" display="block">
              next <RelativeTime time={row.nextPollAt} />
            </Typography>
          )}
        </>
      ),
    },
  ];
  if (canRefresh) {
    columns.push({
      title: 'Refresh',
      width: '6rem',
      sorting: false,
      searchable: false,
      render: row =>
        row.status === 'not-allowed' ? null : (
          <RepositoryRefreshButton
            repository={row.repository}
            state={refresh.stateOf(row.repository)}
            onStart={() =>
              refresh.start(row.repository, () =>
                api.refresh({ repository: row.repository }),
              )
            }
          />
        ),
    });
  }

  const count = (status: StatusFilter) =>
    status === 'all'
      ? sorted.length
      : sorted.filter(item => item.status === status).length;

  return (
    <Box>
      <ToggleButtonGroup
        exclusive
        size="small"
        value={filter}
        onChange={(_event, value) => value && setFilter(value)}
        aria-label="Filter by status"
        className={classes.filters}
      >
        {filters.map(status => (
          <ToggleButton key={status} value={status}>
            {status === 'all' ? 'All' : statusLabels[status]} ({count(status)})
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <Table<RepositoryHealth>
        title="Repositories"
        options={{
          search: true,
          paging: shown.length > 50,
          pageSize: 50,
          padding: 'dense',
        }}
        columns={columns}
        data={shown}
        emptyContent={
          <Box p={2}>
            <Typography variant="body2" color="textSecondary">
              {sorted.length === 0
                ? 'No repositories yet: declare base image patterns on entities or in app-config.'
                : 'No repository has this status.'}
            </Typography>
          </Box>
        }
      />
    </Box>
  );
}
