import { CopyTextButton, Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  PatternResult,
  RankedTag,
} from '@base-image-tags/plugin-base-image-tags-common';
import { describeCounts } from '../counts/describeCounts';
import { HealthChip } from '../status/HealthChip';
import { HealthProblem } from '../status/HealthProblem';
import { registryOf } from '../status/registryOf';
import { RelativeTime } from '../time/RelativeTime';

const PAGE_SIZE = 20;

interface TagRow extends RankedTag {
  image: string;
}

const useStyles = makeStyles(theme => ({
  title: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(1),
  },
  pattern: { fontFamily: 'monospace', overflowWrap: 'anywhere' },
  // The table's cells break words anywhere, which lets the browser shrink
  // a column to a few characters; break only where a word does not fit.
  mono: {
    fontFamily: 'monospace',
    wordBreak: 'normal',
    overflowWrap: 'break-word',
  },
}));

/** Every stored tag of one pattern, with search, sort and copy. */
export function PatternTagsTable(props: { result: PatternResult }) {
  const { result } = props;
  const classes = useStyles();
  const repository = result.repository;
  const rows: TagRow[] = result.tags.map(tag => ({
    ...tag,
    image: repository ? `${repository}:${tag.tag}` : tag.tag,
  }));

  const columns: TableColumn<TagRow>[] = [
    {
      title: 'Rank',
      field: 'rank',
      type: 'numeric',
      align: 'left',
      width: '6rem',
      defaultSort: 'asc',
      render: row => row.rank + 1,
    },
    {
      title: 'Tag',
      field: 'tag',
      highlight: true,
      // Version order, as ranked, not text order: 8.10-896 before 8.10-1020.
      customSort: (a, b) => b.rank - a.rank,
      render: row => <span className={classes.mono}>{row.tag}</span>,
    },
    {
      title: 'Image',
      field: 'image',
      render: row => (
        <Box display="flex" alignItems="center">
          <span className={classes.mono}>{row.image}</span>
          <CopyTextButton
            text={row.image}
            aria-label={`Copy ${row.image}`}
            tooltipText="Image reference copied"
            variant="tertiary"
          />
        </Box>
      ),
    },
    {
      title: 'First seen',
      field: 'firstSeenAt',
      searchable: false,
      customSort: (a, b) =>
        Date.parse(a.firstSeenAt) - Date.parse(b.firstSeenAt),
      render: row => <RelativeTime time={row.firstSeenAt} />,
    },
  ];

  return (
    <Table<TagRow>
      title={
        <Box className={classes.title}>
          {/* The table renders its title inside a heading already. */}
          <Typography variant="h6" component="span" className={classes.pattern}>
            {result.pattern}
          </Typography>
          <HealthChip status={result.status} />
        </Box>
      }
      subtitle={result.counts && describeCounts(result.counts)}
      options={{
        search: true,
        paging: rows.length > PAGE_SIZE,
        pageSize: PAGE_SIZE,
        padding: 'dense',
      }}
      columns={columns}
      data={rows}
      emptyContent={
        <Box p={2}>
          <Typography variant="body2" color="textSecondary" paragraph>
            No tags stored for this pattern.
          </Typography>
          <HealthProblem
            status={result.status}
            error={result.error}
            failingSince={result.failingSince}
            registry={registryOf(result.repository, result.pattern)}
            hasStoredTags={rows.length > 0}
          />
        </Box>
      }
    />
  );
}
