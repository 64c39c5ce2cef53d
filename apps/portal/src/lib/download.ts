// Saves text the API produced (CSV export, personal data) as a file on the reader's device.

export function downloadFile(filename: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download after click() returns; give them a moment.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
