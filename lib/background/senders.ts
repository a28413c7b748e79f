import { isSupportedPageUrl } from '@/lib/sites/hosts';

/** The parts of `runtime.MessageSender` the check needs. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** This extension, as the running browser knows it. */
export interface ExtensionIdentity {
  id: string;
  origin: string;
}

/**
 * Who may talk to the background: this extension's own pages (the popup, the library), or its content
 * script in a tab of a supported site (lib/sites/hosts.ts). Every handler names the kinds it accepts.
 */
export type SenderKind = 'extension-page' | 'content-script';

/**
 * What kind of sender this is, or null for anyone else. A web page cannot reach `runtime.onMessage`
 * without `externally_connectable`, but a compromised or unexpected frame could: check anyway, as Dark
 * Reader does.
 */
export function senderKind(sender: MessageSender, extension: ExtensionIdentity): SenderKind | null {
  if (sender.id !== extension.id) return null;
  if (sender.url?.startsWith(extension.origin)) return 'extension-page';
  return sender.tab !== undefined && isSupportedPageUrl(sender.url) ? 'content-script' : null;
}
