/**
 * Hands a CSV to the browser as a file download. The text already starts with its BOM; the Blob
 * encodes it as UTF-8, which is what the BOM announces to Excel.
 */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its copy once click() returns; the URL is only a handle.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
