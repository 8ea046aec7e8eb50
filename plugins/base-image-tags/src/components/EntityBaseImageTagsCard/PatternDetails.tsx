import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  PatternResult,
  TagCounts,
} from '@base-image-tags/plugin-base-image-tags-common';
import { RelativeTime } from '../time/RelativeTime';

/** How many of the newest tags the card lists; the tab lists all. */
const TOP_TAGS = 10;

const countLabels: Array<[keyof TagCounts, string]> = [
  ['inRepository', 'In the repository'],
  ['notTags', 'Not image tags (signatures, SBOMs, digests)'],
  ['matched', 'Matched by the pattern'],
  ['excluded', 'Left out by exclusions'],
  ['outOfRange', 'Outside the version range'],
  ['variants', 'Left out as other variants or without a version'],
  ['kept', 'Kept, newest first'],
];

const useStyles = makeStyles(theme => ({
  sections: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    '& > *': { flex: '1 1 16rem', minWidth: 0 },
  },
  tag: { fontFamily: 'monospace', overflowWrap: 'anywhere' },
}));

/** A pattern's top tags with when each was first seen, and its counts. */
export function PatternDetails(props: { result: PatternResult }) {
  const { result } = props;
  const classes = useStyles();
  const top = result.tags.slice(0, TOP_TAGS);

  return (
    <Box className={classes.sections} mt={1}>
      <Box>
        <Typography variant="overline">Top tags</Typography>
        {top.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No tags stored yet.
          </Typography>
        ) : (
          <Table size="small" aria-label={`Top tags of ${result.pattern}`}>
            <TableHead>
              <TableRow>
                <TableCell>Tag</TableCell>
                <TableCell>First seen</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {top.map(tag => (
                <TableRow key={tag.tag}>
                  <TableCell className={classes.tag}>{tag.tag}</TableCell>
                  <TableCell>
                    <RelativeTime time={tag.firstSeenAt} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {result.tags.length > top.length && (
          <Typography variant="caption" color="textSecondary">
            {top.length} of {result.tags.length} stored tags; the Base image
            tags tab lists them all.
          </Typography>
        )}
      </Box>
      <Box>
        <Typography variant="overline">Why a tag is or is not here</Typography>
        {result.counts ? (
          <Table size="small" aria-label={`Tag counts of ${result.pattern}`}>
            <TableBody>
              {countLabels.map(([key, label]) => (
                <TableRow key={key}>
                  <TableCell component="th" scope="row">
                    {label}
                  </TableCell>
                  <TableCell align="right">{result.counts![key]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : (
          <Typography variant="body2" color="textSecondary">
            No listing yet.
          </Typography>
        )}
      </Box>
    </Box>
  );
}
