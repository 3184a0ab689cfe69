/**
 * Hands a text file to the browser's own download: a Blob behind an <a download>, the same in
 * browser mode and in Electron's renderer (where the shell's session decides what a download may
 * do). The export already carries its BOM, so a spreadsheet opens it as UTF-8.
 */
export function saveTextFile(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Not revoked at once: the download reads the blob after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
