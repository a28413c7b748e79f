import type { Settings } from '@/lib/settings';

export interface BadgeSettingProps {
  badge: Settings['badge'] | undefined;
  onChange: (badge: Settings['badge']) => void;
}

/** Whether the toolbar icon shows the number of unread papers (issue #4). */
export function BadgeSetting({ badge, onChange }: BadgeSettingProps) {
  return (
    <label className="badge-setting">
      <input
        type="checkbox"
        checked={badge === 'unread'}
        disabled={badge === undefined}
        onChange={(event) => onChange(event.target.checked ? 'unread' : 'none')}
      />
      <span>Unread count on toolbar icon</span>
    </label>
  );
}
