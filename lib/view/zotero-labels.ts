import type { ZoteroRecord } from '@/lib/model/zotero';
import { calendarDay } from './labels';

/** A mark's words, and its tooltip. */
export interface ZoteroLabel {
  label: string;
  title: string;
}

/**
 * The small mark a paper gets for Zotero (issue #13): "in Zotero" when Zotero's local API last found it (or
 * Zotero just accepted it), "sent to Zotero" when it was sent but not found since; none otherwise.
 */
export function zoteroLabel(record: ZoteroRecord | undefined): ZoteroLabel | undefined {
  if (!record) return undefined;
  const sent = record.sent && `Sent to Zotero on ${calendarDay(record.sent.at)} (Zotero answered: ${record.sent.answer}).`;
  if (record.inLibrary?.found) return { label: 'in Zotero', title: sent ?? 'In your Zotero library, as Zotero said.' };
  if (sent) return { label: 'sent to Zotero', title: `${sent} Not found in Zotero since: it may have been deleted there.` };
  return undefined;
}
