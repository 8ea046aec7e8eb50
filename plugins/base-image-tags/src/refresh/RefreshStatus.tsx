import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { RefreshState } from './useRefreshWatch';

const repositories = (count: number) =>
  count === 1 ? '1 repository' : `${count} repositories`;

/** What a finished refresh did, naming the repositories left failing. */
function refreshedSummary(total: number, failing: number): string {
  if (failing === 0) return `Refreshed ${repositories(total)}.`;
  return `Refreshed ${repositories(total)}; ${failing} ${
    failing === 1 ? 'is' : 'are'
  } failing: see below.`;
}

/** Shows how far a refresh has come, and how it ended. */
export function RefreshStatus(props: { state: RefreshState }) {
  const { state } = props;
  switch (state.phase) {
    case 'requesting':
      return (
        <Box mb={2} role="status">
          <LinearProgress aria-label="Requesting a refresh" />
          <Typography variant="caption">Requesting a refresh…</Typography>
        </Box>
      );
    case 'running':
      return (
        <Box mb={2} role="status">
          <LinearProgress
            aria-label="Refresh progress"
            variant={state.total > 0 ? 'determinate' : 'indeterminate'}
            value={state.total > 0 ? (100 * state.refreshed) / state.total : 0}
          />
          <Typography variant="caption">
            Listing tags: {state.refreshed} of {repositories(state.total)} done…
          </Typography>
        </Box>
      );
    case 'done':
      return state.complete ? (
        <Box mb={2} role="status">
          <Typography
            variant="caption"
            color={state.failing > 0 ? 'error' : 'textSecondary'}
          >
            {refreshedSummary(state.total, state.failing)}
          </Typography>
        </Box>
      ) : (
        <Box mb={2}>
          <Alert severity="info">
            The listing is taking longer than expected; it goes on in the
            background. Reload the page later to see the result.
          </Alert>
        </Box>
      );
    case 'failed':
      return (
        <Box mb={2}>
          <Alert severity="error">Refresh failed: {state.error.message}</Alert>
        </Box>
      );
    default:
      return null;
  }
}
