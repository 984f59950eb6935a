// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Whether the text holds a C0 or C1 control character, DEL or a Unicode line break: it cannot stay on one line. */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text);
}

/** The text on one line: each run of control characters and line breaks becomes one space. */
export function onOneLine(text: string): string {
  return text.replace(new RegExp(`${CONTROL.source}+`, 'g'), ' ');
}
