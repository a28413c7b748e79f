/**
 * "Send to Zotero" as the pages do it (issue #13): make sure PaperShelf may reach Zotero on this computer
 * (the user may have withheld the host permission; the browser asks them again, in the click's gesture), ask
 * the worker to send, confirm papers sent before, and say what happened in one notice.
 */
import { browser } from 'wxt/browser';
import type { askBackground } from '@/lib/messaging/client';
import type { Paper, PaperName } from '@/lib/model/paper';
import type { ZoteroSendResult } from '@/lib/model/zotero';
import { quotedTitle, type Notice } from '@/lib/view/notice';
import { zoteroHostPermission } from '@/lib/model/zotero-endpoints';

export interface ZoteroSendDeps {
  ask: typeof askBackground;
  notify: (notice: Omit<Notice, 'id'>) => void;
  /** The browser's yes/no question (`window.confirm`); tests answer it. */
  confirm: (question: string) => boolean;
  /** Whether PaperShelf may reach 127.0.0.1:23119, asking the user when they withheld it. */
  requestAccess: () => Promise<boolean>;
}

/**
 * Asks the browser only when the access is withheld: a required permission cannot be requested again once
 * granted (Firefox). A browser that will not ask (Firefox, where only optional permissions can be requested)
 * counts as a refusal: the notice says where to allow it.
 */
export async function requestZoteroAccess(): Promise<boolean> {
  const origins = [zoteroHostPermission()];
  if (await browser.permissions.contains({ origins })) return true;
  return browser.permissions.request({ origins }).catch(() => false);
}

const count = (papers: readonly PaperName[]) =>
  papers.length === 1 ? quotedTitle(papers[0]!.title) : `${papers.length.toLocaleString('en')} papers`;

/** One notice for what a send did; an error tone when some papers were not sent. */
export function describeSend(result: ZoteroSendResult): Omit<Notice, 'id'> {
  const parts: string[] = [];
  if (result.sent.length > 0) parts.push(`Sent ${count(result.sent)} to Zotero.`);
  if (result.alreadyInZotero.length > 0) {
    parts.push(`${count(result.alreadyInZotero)} ${result.alreadyInZotero.length === 1 ? 'is' : 'are'} in Zotero already: not sent again.`);
  }
  if (result.sentBefore.length > 0) parts.push(`${count(result.sentBefore)} sent before: not sent again.`);
  for (const { papers, reason } of result.failed) parts.push(`Not sent: ${count(papers)}. ${reason}`);
  if (parts.length === 0) parts.push('Nothing was sent to Zotero.');
  return { tone: result.failed.length > 0 ? 'error' : 'info', text: parts.join(' ') };
}

export async function sendPapersToZotero(deps: ZoteroSendDeps, papers: readonly Paper[]): Promise<void> {
  if (papers.length === 0) return;
  const what = papers.length === 1 ? quotedTitle(papers[0]!.title) : 'the papers';
  try {
    if (!(await deps.requestAccess())) {
      deps.notify({
        tone: 'error',
        text: `Did not send ${what} to Zotero: PaperShelf needs your permission to reach Zotero on this computer (127.0.0.1:23119); allow it in the browser’s settings for the extension. Nothing was sent.`,
      });
      return;
    }
    const ids = papers.map((paper) => paper.id);
    const first = await deps.ask({ type: 'zotero/send', ids });
    let result = first;
    if (first.sentBefore.length > 0) {
      const again = deps.confirm(
        `${count(first.sentBefore)} ${first.sentBefore.length === 1 ? 'was' : 'were'} sent to Zotero before. Send again? ` +
          'If you did not delete them in Zotero, it will keep two copies.',
      );
      if (again) {
        const resent = await deps.ask({ type: 'zotero/send', ids: first.sentBefore.map((paper) => paper.id), resend: true });
        result = {
          ...resent,
          sent: [...first.sent, ...resent.sent],
          alreadyInZotero: [...first.alreadyInZotero, ...resent.alreadyInZotero],
          failed: [...first.failed, ...resent.failed],
        };
      }
    }
    deps.notify(describeSend(result));
  } catch (error) {
    // The worker's reply says what failed ("PaperShelf could not send the papers to Zotero: Zotero is not running…").
    deps.notify({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
  }
}
