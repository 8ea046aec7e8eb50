import { CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Collapse from '@material-ui/core/Collapse';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ExpandLessIcon from '@material-ui/icons/ExpandLess';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { PatternResult } from '@base-image-tags/plugin-base-image-tags-common';
import { useId, useState } from 'react';
import { describeCounts } from '../counts/describeCounts';
import { HealthChip } from '../status/HealthChip';
import { HealthProblem } from '../status/HealthProblem';
import { registryOf } from '../status/registryOf';
import { RelativeTime } from '../time/RelativeTime';
import { PatternDetails } from './PatternDetails';

const useStyles = makeStyles(theme => ({
  root: {
    padding: theme.spacing(1.5, 0),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-child': { borderBottom: 'none' },
  },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  pattern: { fontFamily: 'monospace', overflowWrap: 'anywhere', minWidth: 0 },
  image: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    minWidth: 0,
  },
  imageText: {
    fontFamily: 'monospace',
    fontWeight: theme.typography.fontWeightMedium as number,
    overflowWrap: 'anywhere',
    minWidth: 0,
  },
}));

function newestImageOf(result: PatternResult): string | undefined {
  if (result.newestImage) return result.newestImage;
  if (result.newestTag && result.repository) {
    return `${result.repository}:${result.newestTag}`;
  }
  return undefined;
}

function isPast(time: string): boolean {
  return Date.parse(time) <= Date.now();
}

function PollTimes(props: { result: PatternResult }) {
  const { counts, lastPolledAt, nextPollAt } = props.result;
  return (
    <Typography variant="caption" color="textSecondary" component="p">
      {counts && (
        <>
          {describeCounts(counts)}
          {' · '}
        </>
      )}
      {lastPolledAt ? (
        <>
          checked <RelativeTime time={lastPolledAt} />
        </>
      ) : (
        'not checked yet'
      )}
      {nextPollAt && (
        <>
          {' · next check '}
          {isPast(nextPollAt) ? 'due now' : <RelativeTime time={nextPollAt} />}
        </>
      )}
    </Typography>
  );
}

/**
 * One declared pattern on the card: its newest image with a copy button,
 * its health and poll times, expanding to its top tags and counts.
 */
export function PatternSummary(props: { result: PatternResult }) {
  const { result } = props;
  const classes = useStyles();
  const [open, setOpen] = useState(false);
  const image = newestImageOf(result);
  const contacted =
    result.status !== 'invalid' && result.status !== 'not-allowed';
  const detailsId = useId();

  return (
    <Box
      className={classes.root}
      component="section"
      aria-label={result.pattern}
    >
      <Box className={classes.head}>
        <Typography
          variant="subtitle2"
          component="h3"
          className={classes.pattern}
        >
          {result.pattern}
        </Typography>
        <HealthChip status={result.status} />
      </Box>
      {image ? (
        <Box className={classes.image}>
          <Typography
            variant="body1"
            className={classes.imageText}
            aria-label="Newest image"
          >
            {image}
          </Typography>
          <CopyTextButton
            text={image}
            aria-label={`Copy ${image}`}
            tooltipText="Image reference copied"
            variant="tertiary"
          />
        </Box>
      ) : (
        contacted && (
          <Typography variant="body2" color="textSecondary">
            No matching tag yet
          </Typography>
        )
      )}
      {contacted && <PollTimes result={result} />}
      <HealthProblem
        status={result.status}
        error={result.error}
        failingSince={result.failingSince}
        registry={registryOf(result.repository, result.pattern)}
        hasStoredTags={result.tags.length > 0}
      />
      {contacted && (
        <>
          <Button
            size="small"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            aria-controls={detailsId}
            endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />}
          >
            Top tags and counts
          </Button>
          <Collapse in={open} unmountOnExit>
            <Box id={detailsId}>
              <PatternDetails result={result} />
            </Box>
          </Collapse>
        </>
      )}
    </Box>
  );
}
