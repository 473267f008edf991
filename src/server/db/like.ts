/** Escapes LIKE wildcards in user input, so "50%" searches for "50%" and not for anything starting with "50". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
