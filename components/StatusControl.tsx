import type { ReadStatus } from '@/lib/model/paper';
import { READ_STATUSES, STATUS_LABELS } from '@/lib/view/labels';

export interface StatusControlProps {
  status: ReadStatus;
  onChange: (status: ReadStatus) => void;
  /** Says which paper (or papers) the buttons are for. */
  label?: string;
}

/** Unread / Reading / Read, each one click away (issue #4); the current one is pressed. */
export function StatusControl({ status, onChange, label = 'Read status' }: StatusControlProps) {
  return (
    <div role="group" aria-label={label} className="status-control">
      {READ_STATUSES.map((option) => (
        <button
          key={option}
          type="button"
          className={`status-option status-${option}`}
          aria-pressed={status === option}
          onClick={() => status !== option && onChange(option)}
        >
          {STATUS_LABELS[option]}
        </button>
      ))}
    </div>
  );
}
