import path from 'node:path';
import ts from 'typescript';

/** One import of a source file: the specifier as written and the file or package it names. */
export interface SourceImport {
  readonly specifier: string;
  /** For a relative specifier, the path it reaches (relative to the root, `/`-separated, without `.js`/`.ts`); else undefined. */
  readonly target: string | undefined;
}

/**
 * Every module a TypeScript source names: static imports and `import type`, `export … from`,
 * `import x = require()`, and dynamic `import('…')` with a literal, found by TypeScript's own
 * pre-processor (comments and strings that merely mention a path do not count). `file` is
 * relative to the root, `/`-separated.
 */
export function importsOf(file: string, text: string): SourceImport[] {
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName: specifier }) => ({
    specifier,
    target: specifier.startsWith('.')
      ? path.posix.join(path.posix.dirname(file), specifier).replace(/\.(js|ts|mjs)$/, '')
      : undefined,
  }));
}
