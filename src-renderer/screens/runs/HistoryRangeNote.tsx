import { formatDateTime } from '../../components/format';
import { useHistoryRange } from '../../stores/history-store';

/** Under the run history: how far back it goes ("kept for 400 days; oldest run …"). */
export function HistoryRangeNote() {
  const range = useHistoryRange();
  if (!range.value) return null;
  const { keepDays, oldestRunAt } = range.value;
  return (
    <p className="muted" data-testid="history-range">
      Run history is kept for {keepDays} days{oldestRunAt ? `; the oldest run shown started ${formatDateTime(oldestRunAt)}` : ''}. Older runs are
      removed when SiteSync starts.
    </p>
  );
}
