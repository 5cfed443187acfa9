import { posix } from 'node:path';
import type { namedTypes as N } from 'ast-types';
import { types } from 'recast';
import { readModule } from '../_shared/ast.js';
import { endOf, startOf, type EditedModule } from '../_shared/edited-module.js';
import { findExport } from '../_shared/find-export.js';
import { TODO_MARKER } from '../_shared/types.js';
import { isNotHoistedMarker, layoutsNamedBy, METADATA_EXPORTS, SEGMENT_CONFIG_ADVICE } from '../app-to-zfb/marker-texts.js';

const n = types.namedTypes;

/*
 * app-to-zfb marks what a page loses on zfb. When zfb-to-app makes the page an app-router page again, some of
 * those losses are gone and their markers would send the reader after a problem the page no longer has. Only
 * app-to-zfb's own wording is recognised (codemods/app-to-zfb/marker-texts.ts), and only where the
 * app router certainly gives back what the marker says zfb lacks (./stale-markers.test.ts runs app-to-zfb to
 * keep the wording in step); every other marker stays, among them:
 * - dynamicParams / "no generateStaticParams": the app page now sets `dynamicParams = false`, so unlisted
 *   URLs are still a 404, unlike the original page;
 * - revalidate, `dynamic`: whether Next honours them depends on next.config (`output: 'export'` does not);
 * - searchParams: the generated page passes the zfb component its params only;
 * - Node-only code and next/* imports: an edge runtime has no Node modules, and next/router or next/head do
 *   nothing in the app router;
 * - a layout's generateStaticParams import bundling its next/font or CSS: the import is gone once the
 *   cascade is split, and where it stays the page still runs the cascade itself (marked on its own).
 */

const LAYOUT_FILE = /^(?:src\/)?app\/(?:.*\/)?layout\.(?:tsx|ts|jsx|js)$/;
const MARKER_VALUE = new RegExp(`^\\s*${TODO_MARKER}:\\s*(.*?)\\s*$`, 's');

interface Comment {
  type: string;
  value: string;
  start: number;
  end: number;
}

/**
 * Removes app-to-zfb's markers that are stale in the app page at `pagePath` (project-relative), reading the
 * layouts through `readFile`: a marker on a line of its own goes with that line, one beside code with the
 * spaces that separated it, so the code prints exactly as before.
 */
export function dropStaleMarkers(m: EditedModule, pagePath: string, readFile: (path: string) => string | undefined): void {
  const ast = m.ast;
  const client = isClientModule(ast);
  const wraps = new Map<string, boolean>();
  const stale = (reason: string, holder: N.Node): boolean => {
    const layouts = layoutsNamedBy(reason);
    if (layouts) return layouts.every((file) => wrapsAgain(file, pagePath, readFile, wraps));
    // A client module renders no async component and exports no metadata, in Next either.
    if (client) return false;
    // Next awaits an async server component wherever it renders, so nothing is left to hoist.
    if (isNotHoistedMarker(reason)) return true;
    return METADATA_EXPORTS.some((name) => SEGMENT_CONFIG_ADVICE[name] === reason && exportsValue(ast, holder, name));
  };
  // app-to-zfb puts each of these markers right above a top-level statement (between it and the statement
  // before it); a marker found deeper is not one of them as written, and stays.
  // Both lists are in source order: one pass over each.
  const comments = (ast.comments ?? []) as unknown as Comment[];
  let next = 0;
  let previousEnd = 0;
  for (const statement of ast.program.body as N.Node[]) {
    for (; next < comments.length && comments[next]!.end <= startOf(statement); next++) {
      const comment = comments[next]!;
      if (comment.start < previousEnd || comment.type !== 'CommentBlock') continue;
      const reason = MARKER_VALUE.exec(comment.value)?.[1];
      if (reason !== undefined && stale(reason, statement)) m.removeLines(comment as unknown as N.Node);
    }
    previousEnd = endOf(statement);
  }
}

/**
 * Whether Next wraps the page at `pagePath` in the layout `file` again: the file exists, is a layout in a folder
 * at or above the page's, and has a default export (the component that wraps). A layout that is gone, or no
 * longer above the page (a route group, or src/app beside the app/ the page returns to), does not wrap it: then
 * the whole marker stays as app-to-zfb wrote it, since the page still misses what Next rendered around it and
 * the marker names which layouts that was (trimmed to the missing ones it would read as a new marker).
 */
function wrapsAgain(file: string, pagePath: string, readFile: (path: string) => string | undefined, known: Map<string, boolean>): boolean {
  let wraps = known.get(file);
  if (wraps !== undefined) return wraps;
  const pageDir = posix.dirname(pagePath);
  const dir = posix.dirname(file);
  const source = LAYOUT_FILE.test(file) && (pageDir === dir || pageDir.startsWith(`${dir}/`)) ? readFile(file) : undefined;
  wraps = false;
  if (source !== undefined) {
    try {
      const found = findExport(readModule(source, file), 'default');
      wraps = !!found && !found.typeOnly;
    } catch {
      wraps = false;
    }
  }
  known.set(file, wraps);
  return wraps;
}

/** Whether `holder` is the top-level statement that exports `name` as a value. */
function exportsValue(ast: N.File, holder: N.Node, name: string): boolean {
  const found = findExport(ast, name);
  return !!found && !found.typeOnly && found.statement === holder;
}

function isClientModule(ast: N.File): boolean {
  const directives = (ast.program as { directives?: { value: { value: string } }[] }).directives ?? [];
  return directives.some((d) => d.value.value === 'use client') || ast.program.body.some((s) => n.ExpressionStatement.check(s) && n.StringLiteral.check(s.expression) && s.expression.value === 'use client');
}
