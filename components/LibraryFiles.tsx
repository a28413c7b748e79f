import { useId, useRef, useState, type ChangeEvent, type RefObject } from 'react';
import type { BibtexFlavour } from '@/lib/formats/bibtex';
import type { ImportSummary } from '@/lib/model/imports';

export type ExportScope = 'all' | 'shown' | 'selected';
export interface ExportOptions {
  flavour: BibtexFlavour;
  asciiOnly: boolean;
}

export interface LibraryFilesProps {
  shownCount: number;
  selectedCount: number;
  /** True when a search or filter narrows the list ("shown" is then not everything). */
  filtered: boolean;
  /** Shared with the bulk actions' export of the selection. */
  exportOptions: ExportOptions;
  onExportOptionsChange: (options: ExportOptions) => void;
  onExportBibtex: (scope: ExportScope) => void;
  onBackUp: () => void;
  /**
   * Resolve with what happened, or reject with the reason (the library is then unchanged). `includeRemoved`:
   * also the papers removed since the backup was made.
   */
  onRestoreBackup: (fileName: string, text: string, includeRemoved?: boolean) => Promise<ImportSummary>;
  onImportBibtex: (fileName: string, text: string) => Promise<ImportSummary>;
}

type Outcome = { fileName: string; summary: ImportSummary; again?: () => void } | { fileName: string; error: string };

/** Export as BibTeX, back up, restore a backup, import BibTeX (issue #5): the library page's file actions. */
export function LibraryFiles({
  shownCount,
  selectedCount,
  filtered,
  exportOptions,
  onExportOptionsChange,
  onExportBibtex,
  onBackUp,
  onRestoreBackup,
  onImportBibtex,
}: LibraryFilesProps) {
  const { flavour, asciiOnly } = exportOptions;
  const setFlavour = (next: BibtexFlavour) => onExportOptionsChange({ ...exportOptions, flavour: next });
  const setAsciiOnly = (next: boolean) => onExportOptionsChange({ ...exportOptions, asciiOnly: next });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const backupInput = useRef<HTMLInputElement>(null);
  const bibtexInput = useRef<HTMLInputElement>(null);
  const flavourName = useId();

  const report = async (fileName: string, running: () => Promise<{ summary: ImportSummary; again?: () => void }>) => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ fileName, ...(await running()) });
    } catch (reason) {
      setOutcome({ fileName, error: reason instanceof Error ? reason.message : String(reason) });
    } finally {
      setBusy(false);
    }
  };

  /** `rerun`: what the report offers to do next with the same file (a restore that left papers out). */
  const readFile =
    (run: (fileName: string, text: string) => Promise<ImportSummary>, rerun?: (fileName: string, text: string) => Promise<ImportSummary>) =>
    (event: ChangeEvent<HTMLInputElement>) => {
      const input = event.currentTarget;
      const file = input.files?.[0];
      // Cleared at once, so choosing the same file again is a change too.
      input.value = '';
      if (!file) return;
      const { name } = file;
      void report(name, async () => {
        const text = await file.text();
        const summary = await run(name, text);
        return { summary, again: rerun && (() => void report(name, async () => ({ summary: await rerun(name, text) }))) };
      });
    };

  const exportScope = onExportBibtex;

  return (
    <div className="library-files">
      <section aria-labelledby="export-heading" className="files-section">
        <h2 id="export-heading">Export BibTeX</h2>
        <fieldset className="flavour">
          <legend className="visually-hidden">Format</legend>
          <label>
            <input type="radio" name={flavourName} checked={flavour === 'bibtex'} onChange={() => setFlavour('bibtex')} /> BibTeX
          </label>
          <label>
            <input type="radio" name={flavourName} checked={flavour === 'biblatex'} onChange={() => setFlavour('biblatex')} /> biblatex
          </label>
        </fieldset>
        <label className="ascii-only">
          <input type="checkbox" checked={asciiOnly} onChange={(event) => setAsciiOnly(event.target.checked)} /> ASCII only (LaTeX accents)
        </label>
        <div className="files-buttons">
          <button type="button" className="header-action primary" onClick={() => exportScope('all')}>
            Export all
          </button>
          <button type="button" className="header-action" disabled={!filtered || shownCount === 0} onClick={() => exportScope('shown')}>
            Export shown ({shownCount.toLocaleString('en')})
          </button>
          <button type="button" className="header-action" disabled={selectedCount === 0} onClick={() => exportScope('selected')}>
            Export selected ({selectedCount.toLocaleString('en')})
          </button>
        </div>
      </section>
      <section aria-labelledby="backup-heading" className="files-section">
        <h2 id="backup-heading">Backup and import</h2>
        <div className="files-buttons">
          <button type="button" className="header-action" onClick={onBackUp}>
            Back up library
          </button>
          <button type="button" className="header-action" disabled={busy} onClick={() => backupInput.current?.click()}>
            Restore backup…
          </button>
          <button type="button" className="header-action" disabled={busy} onClick={() => bibtexInput.current?.click()}>
            Import BibTeX…
          </button>
        </div>
        <HiddenFileInput
          inputRef={backupInput}
          accept=".json,application/json"
          label="Backup file to restore"
          onChange={readFile(onRestoreBackup, (fileName, text) => onRestoreBackup(fileName, text, true))}
        />
        <HiddenFileInput
          inputRef={bibtexInput}
          accept=".bib,.bibtex,.txt,text/plain,application/x-bibtex"
          label="BibTeX file to import"
          onChange={readFile(onImportBibtex)}
        />
        <div className="import-outcome" aria-live="polite">
          {busy && <p>Reading the file…</p>}
          {outcome && 'error' in outcome && (
            <p role="alert" className="error-text">
              {outcome.fileName}: {outcome.error}. Nothing was changed.
            </p>
          )}
          {outcome && 'summary' in outcome && <ImportReport fileName={outcome.fileName} summary={outcome.summary} again={outcome.again} />}
        </div>
      </section>
    </div>
  );
}

/** Up to this many skipped entries show at once; more wait behind "Skipped entries". */
const SKIPPED_SHOWN_OPEN = 5;

function ImportReport({ fileName, summary, again }: { fileName: string; summary: ImportSummary; again?: () => void }) {
  const skipped = summary.skipped ?? [];
  // A reference manager's whole library skips thousands (7,000 entries: 4,555 without an arXiv id), and
  // rendering them with the summary was a 50 ms task (issue #12): the list renders when opened.
  const [listed, setListed] = useState(skipped.length <= SKIPPED_SHOWN_OPEN);
  return (
    <div className="import-report">
      <p>
        <strong>{fileName}</strong>: {summary.added} added, {summary.updated} updated, {summary.unchanged} unchanged
        {skipped.length > 0 && `, ${skipped.length} skipped`}
      </p>
      {(summary.removedSince ?? 0) > 0 && (
        <p>
          {summary.removedSince === 1 ? '1 paper' : `${summary.removedSince} papers`} of the backup you removed after it was made stayed
          removed.{' '}
          {again && (
            <button type="button" className="notice-action" onClick={again}>
              Restore them too
            </button>
          )}
        </p>
      )}
      {(summary.notesKeptBoth ?? 0) > 0 && (
        <p>
          {summary.notesKeptBoth === 1 ? '1 paper had' : `${summary.notesKeptBoth} papers had`} different notes here and in the file: both
          texts were kept, one after the other, below a line “other version of these notes”.
        </p>
      )}
      {skipped.length > 0 && (
        <details open={skipped.length <= SKIPPED_SHOWN_OPEN} onToggle={(event) => event.currentTarget.open && setListed(true)}>
          <summary>Skipped entries</summary>
          {listed && (
            <ul className="skipped">
              {skipped.map((entry, index) => (
                <li key={index}>
                  {entry.key && <code>{entry.key}</code>} {entry.reason}
                </li>
              ))}
            </ul>
          )}
        </details>
      )}
    </div>
  );
}

/** A file input the page's own button opens (a styled button, not the browser's "Choose file"). */
function HiddenFileInput({
  inputRef,
  accept,
  label,
  onChange,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  accept: string;
  label: string;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <input ref={inputRef} type="file" accept={accept} className="visually-hidden" tabIndex={-1} aria-label={label} onChange={onChange} />
  );
}
