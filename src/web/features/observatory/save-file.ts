import type { DownloadedFile } from "../../api.ts";

/** Hands a fetched file to the browser's download, as a link to it would. */
export function saveFile({ filename, blob }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
