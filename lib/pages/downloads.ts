/**
 * Files the pages hand to the user. The download happens in the page (a Blob, an object URL and a click on
 * an `<a download>`), so PaperShelf needs no `downloads` permission (issue #5).
 */
export function downloadTextFile(document: Document, fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; revoking at once can cancel it in some browsers, so wait a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
