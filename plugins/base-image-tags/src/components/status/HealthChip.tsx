import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import BlockIcon from '@material-ui/icons/Block';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import ErrorIcon from '@material-ui/icons/Error';
import HourglassEmptyIcon from '@material-ui/icons/HourglassEmpty';
import WarningIcon from '@material-ui/icons/Warning';
import { PatternStatus } from '@base-image-tags/plugin-base-image-tags-common';
import { statusLabels } from './statusLabels';

const colorOf = (theme: Theme): Record<PatternStatus, string> => ({
  ok: theme.palette.success.main,
  pending: theme.palette.info.main,
  failing: theme.palette.error.main,
  'not-allowed': theme.palette.warning.main,
  invalid: theme.palette.error.main,
});

const useStyles = makeStyles<Theme, { status: PatternStatus }>(theme => ({
  chip: ({ status }) => ({
    borderColor: colorOf(theme)[status],
    margin: 0,
  }),
  icon: ({ status }) => ({ color: colorOf(theme)[status] }),
}));

const icons: Record<PatternStatus, typeof CheckCircleIcon> = {
  ok: CheckCircleIcon,
  pending: HourglassEmptyIcon,
  failing: ErrorIcon,
  'not-allowed': BlockIcon,
  invalid: WarningIcon,
};

/** A chip naming a pattern's or repository's health. */
export function HealthChip(props: { status: PatternStatus }) {
  const { status } = props;
  const classes = useStyles({ status });
  const Icon = icons[status];
  return (
    <Chip
      size="small"
      variant="outlined"
      className={classes.chip}
      icon={<Icon className={classes.icon} />}
      label={statusLabels[status]}
    />
  );
}
