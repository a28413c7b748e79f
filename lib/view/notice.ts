/** What the pages tell the user after an action ("Removed “…”.", an error), with an optional action such as Undo. */
export interface Notice {
  /** Distinguishes two notices with the same text (two removals in a row). */
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/** A paper's title as a notice quotes it: “…”, cut at 80 characters. */
export const quotedTitle = (title: string) => `“${title.length > 80 ? `${title.slice(0, 77)}…` : title}”`;
