/** Hands a file to the user: a download in the browser, the save dialog in the desktop app. */
export function saveFile(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has read the blob by the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
