/**
 * The contract between the codemod runner and one transform. A transform is a pure function of the source
 * text (plus read access to sibling files such as the layouts above an app page); the runner owns file
 * selection, the git check, atomic writes, re-parsing the output and the summary.
 */

export interface TransformInput {
  /** Project-relative path of the file, forward slashes (e.g. 'pages/blog/[slug].tsx'). */
  path: string;
  source: string;
  /** Reads another project file (project-relative path); undefined when it does not exist. */
  readFile(path: string): string | undefined;
  /** Next.js i18n config when known, so locale entries can be kept or marked. */
  i18n?: { locales: string[]; defaultLocale: string };
}

export interface Marker {
  line: number;
  reason: string;
}

export interface TransformResult {
  /** The new text, or null when the file needs no change (then nothing is written). */
  source: string | null;
  /** Where the new text goes when the file moves (pages/x/[id].tsx → app/x/[id]/page.tsx); the old file is removed. */
  outputPath?: string;
  /** Every `@zfb-next-todo` marker the transform placed, for the summary. */
  markers: Marker[];
  /** A file-level reason to leave the file untouched (e.g. "no getStaticPaths here"), shown as skipped. */
  skipped?: string;
  /** New files the output needs beside it (an app root layout), written only where no such file exists. */
  companions?: Companion[];
}

/** A new project file a transform's output needs, written once per run, never over an existing file. */
export interface Companion {
  /** Project-relative path, forward slashes. */
  path: string;
  source: string;
  markers: Marker[];
  /**
   * Project files the new file takes over whole (a plain pages/_app): the run removes them once no page is
   * left in their folder, where keeping them would break the build.
   */
  replaces?: string[];
}

export type Transform = (input: TransformInput) => TransformResult;

/** The marker comment every transform uses for what it cannot migrate safely. */
export const TODO_MARKER = '@zfb-next-todo';
