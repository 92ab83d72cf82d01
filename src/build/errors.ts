/**
 * Import problems are values, never throws: each names the file and the
 * 1-based line, and says what was expected. A warning is reported but does
 * not stop the article from being imported.
 */
export interface ImportError {
  file: string;
  /** 1-based; 0 when the problem is about the file as a whole */
  line: number;
  message: string;
  warning?: boolean;
}

export function importError(file: string, line: number, message: string): ImportError {
  return { file, line, message };
}

export function importWarning(file: string, line: number, message: string): ImportError {
  return { file, line, message, warning: true };
}

/** `content/x.txt:3: expected …` — the form editors and editors' tools understand. */
export function formatError(e: ImportError): string {
  const where = e.line > 0 ? `${e.file}:${e.line}` : e.file;
  return `${where}: ${e.warning ? 'warning: ' : ''}${e.message}`;
}

/** Show a piece of source text in a message, shortened and quoted. */
export function quote(text: string, max = 60): string {
  const t = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return JSON.stringify(t);
}

/** The 1-based line of a character offset in a text. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
