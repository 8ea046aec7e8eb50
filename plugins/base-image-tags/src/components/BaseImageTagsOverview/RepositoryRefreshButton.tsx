import CircularProgress from '@material-ui/core/CircularProgress';
import IconButton from '@material-ui/core/IconButton';
import Tooltip from '@material-ui/core/Tooltip';
import RefreshIcon from '@material-ui/icons/Refresh';
import { RefreshState } from '../../refresh/useRefreshWatch';

/**
 * Asks for an immediate listing of one repository, and shows the
 * progress of that listing in its place.
 */
export function RepositoryRefreshButton(props: {
  repository: string;
  state: RefreshState;
  onStart: () => void;
}) {
  const { repository, state, onStart } = props;
  if (state.phase === 'requesting' || state.phase === 'running') {
    const determinate = state.phase === 'running' && state.total > 0;
    return (
      <CircularProgress
        size={24}
        aria-label={`Refreshing ${repository}`}
        variant={determinate ? 'determinate' : 'indeterminate'}
        value={determinate ? (100 * state.refreshed) / state.total : undefined}
      />
    );
  }
  return (
    <Tooltip title={`List the tags of ${repository} now`}>
      <IconButton
        size="small"
        aria-label={`Refresh ${repository}`}
        onClick={onStart}
      >
        <RefreshIcon />
      </IconButton>
    </Tooltip>
  );
}
