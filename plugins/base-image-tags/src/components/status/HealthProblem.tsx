import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { PatternStatus } from '@base-image-tags/plugin-base-image-tags-common';
import { RelativeTime } from '../time/RelativeTime';

const useStyles = makeStyles(theme => ({
  text: { overflowWrap: 'anywhere' },
  config: {
    margin: theme.spacing(0.5, 0, 0),
    padding: theme.spacing(1),
    background: theme.palette.background.default,
    borderRadius: theme.shape.borderRadius,
    fontSize: theme.typography.caption.fontSize,
    overflowX: 'auto',
  },
}));

/** What went wrong with a pattern or repository, and how to fix it. */
export interface HealthProblemProps {
  status: PatternStatus;
  /** The backend's or the parser's reason. */
  error?: string;
  failingSince?: string;
  /** Registry host, to name in the configuration to add. */
  registry?: string;
  /**
   * Whether tags from an earlier listing are stored; only then does a
   * failure keep something worth telling about.
   */
  hasStoredTags?: boolean;
}

/**
 * Explains a status that needs attention: the failure reason and since
 * when, what to configure for a registry that is not allowed, or the
 * parser's message. Renders nothing for healthy and pending statuses.
 */
export function HealthProblem(props: HealthProblemProps) {
  const { status, error, failingSince, registry, hasStoredTags } = props;
  const classes = useStyles();

  if (status === 'failing') {
    return (
      <Box>
        <Typography variant="body2" color="error" className={classes.text}>
          Failing since <RelativeTime time={failingSince} fallback="unknown" />
          {error ? `: ${error}` : ''}
        </Typography>
        {hasStoredTags && (
          <Typography variant="caption" color="textSecondary">
            The last tags listed successfully are kept.
          </Typography>
        )}
      </Box>
    );
  }
  if (status === 'not-allowed') {
    return (
      <Box>
        <Typography variant="body2" className={classes.text}>
          {error ??
            `The registry ${
              registry ?? ''
            } is not on the allow-list, so it is never contacted.`}
        </Typography>
        <Typography variant="caption" color="textSecondary">
          To allow it, add the registry to app-config:
        </Typography>
        <pre className={classes.config}>
          {`baseImageTags:\n  registries:\n    - host: ${
            registry ?? '<registry host>'
          }`}
        </pre>
      </Box>
    );
  }
  if (status === 'invalid') {
    return (
      <Typography variant="body2" color="error" className={classes.text}>
        {error ?? 'The pattern could not be parsed.'}
      </Typography>
    );
  }
  return null;
}
