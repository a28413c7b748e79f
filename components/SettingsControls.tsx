import type { Settings } from '@/lib/model/settings';

export interface SettingsControlsProps {
  /** undefined until read: the controls are shown disabled meanwhile. */
  settings: Settings | undefined;
  onChange: (settings: Settings) => void;
  /** Whether to offer the "in Zotero" marks too (the library page; the popup's footer keeps to one line). */
  zotero?: boolean;
}

/**
 * The preferences both pages offer: the unread badge (issue #4), the new-code badge (issue #8), online lookups
 * (issue #6) and the "in Zotero" marks (issue #13).
 */
export function SettingsControls({ settings, onChange, zotero = false }: SettingsControlsProps) {
  // A short visible label keeps the popup's footer on one line; the full one names the checkbox.
  const toggle = (label: string, shortLabel: string, checked: boolean | undefined, change: (checked: boolean) => Settings) => (
    <label className="setting" title={label}>
      <input
        type="checkbox"
        aria-label={label}
        checked={checked ?? false}
        disabled={!settings}
        onChange={(event) => onChange(change(event.target.checked))}
      />
      <span aria-hidden="true">{shortLabel}</span>
    </label>
  );
  return (
    <>
      {toggle('Unread count on toolbar icon', 'Unread badge', settings && settings.badge === 'unread', (on) => ({
        ...settings!,
        badge: on ? 'unread' : 'none',
      }))}
      {toggle('Count papers whose code appeared on toolbar icon', 'Code badge', settings?.codeBadge, (codeBadge) => ({
        ...settings!,
        codeBadge,
      }))}
      {toggle('Look up missing details and code online', 'Look up online', settings?.lookups, (lookups) => ({ ...settings!, lookups }))}
      {zotero &&
        toggle(
          'Mark papers already in Zotero (asks Zotero’s local API on this computer)',
          'In Zotero',
          settings?.zoteroMark,
          (zoteroMark) => ({ ...settings!, zoteroMark }),
        )}
    </>
  );
}
