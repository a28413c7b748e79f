import type { Notice } from '@/lib/view/notice';

export interface NoticeBarProps {
  notice: Notice | null;
  onDismiss: () => void;
}

/**
 * The outcome of the last action: "Removed …" with Undo, "BibTeX copied", or what went wrong. It stays
 * until the next action or until dismissed: an Undo that disappears on a timer is one a slow reader misses.
 */
export function NoticeBar({ notice, onDismiss }: NoticeBarProps) {
  return (
    // The live region is always in the page, so screen readers announce what appears in it.
    <div className="notice-region" role="status" aria-live="polite">
      {notice && (
        <div key={notice.id} className={`notice notice-${notice.tone}`}>
          <span className="notice-text">{notice.text}</span>
          {notice.action && (
            <button type="button" className="notice-action" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          )}
          <button type="button" className="notice-dismiss" aria-label="Dismiss" title="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
