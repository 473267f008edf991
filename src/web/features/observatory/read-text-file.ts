/** A chosen file's text, read as UTF-8 (FileReader rather than File.text(), which older engines and jsdom lack). */
export function readTextFile(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("Lecture du fichier impossible."));
    reader.readAsText(file, "utf-8");
  });
}
