import Tooltip from '@material-ui/core/Tooltip';
import { formatExactTime, formatRelativeTime } from './formatRelativeTime';

/**
 * A time in words relative to now, with the exact time on hover; renders
 * `fallback` when the time is missing or not a date.
 */
export function RelativeTime(props: { time?: string; fallback?: string }) {
  const { time, fallback = 'never' } = props;
  const date = time ? new Date(time) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    return <span>{fallback}</span>;
  }
  // Not handled yet: the words are worked out when rendered; effect: "just now" stays until the next render.
  return (
    <Tooltip title={formatExactTime(date)}>
      <time dateTime={date.toISOString()}>
        {formatRelativeTime(date, new Date())}
      </time>
    </Tooltip>
  );
}
