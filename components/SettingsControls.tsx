import type { Settings } from '@/lib/settings';

export interface SettingsControlsProps {
  /** undefined until read: the controls are shown disabled meanwhile. */
  settings: Settings | undefined;
  onChange: (settings: Settings) => void;
}

/** The preferences both pages offer: the unread badge (issue #4) and online lookups (issue #6). */
export function SettingsControls({ settings, onChange }: SettingsControlsProps) {
  const toggle = (label: string, checked: boolean | undefined, change: (checked: boolean) => Settings) => (
    <label className="setting">
      <input type="checkbox" checked={checked ?? false} disabled={!settings} onChange={(event) => onChange(change(event.target.checked))} />
      <span>{label}</span>
    </label>
  );
  return (
    <>
      {toggle('Unread count on toolbar icon', settings && settings.badge === 'unread', (on) => ({ ...settings!, badge: on ? 'unread' : 'none' }))}
      {toggle('Look up missing details and code online', settings?.lookups, (lookups) => ({ ...settings!, lookups }))}
    </>
  );
}
