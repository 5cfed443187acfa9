import type { namedTypes as N } from 'ast-types';
import { indentedWithTabs, parseModule } from './ast.js';
import { TextEdits } from './text-edits.js';
import { markerComment, withMarkers } from './marker.js';
import { moduleSource } from './relative-imports.js';
import { isReference, walk } from './walk.js';

type Node = N.Node;
type Ranged = { start?: number | null; end?: number | null };
type Body = { body: Node[] | Node } & Ranged;

/** An identifier of the module, with the node holding it and the field it is in. */
export interface Occurrence {
  node: N.Identifier;
  parent: Node | undefined;
  key: string;
}

/**
 * The order of insertions at one offset: new imports, then other statements inserted above a statement, then
 * the markers placed on it, then any other code (an `export ` put back, say).
 */
const IMPORT_RANK = -3;
const STATEMENT_RANK = -2;
const MARKER_RANK = -1;
const STATEMENT = /(?:Statement|Declaration)$/;
const BLANK_LINE = /^[ \t]*$/;
// What may follow a statement on its last line and still go with it: spaces and a comment.
const LINE_REST = /^[ \t]*(?:\/\/[^\n]*|\/\*[^\n]*?\*\/[ \t]*)?$/;

export function startOf(node: Node): number {
  return (node as Ranged).start ?? 0;
}

export function endOf(node: Node): number {
  return (node as Ranged).end ?? 0;
}

/**
 * A module a transform rewrites by editing its text: parsed once by @babel/parser, never reprinted. Every
 * change is an edit at the offsets of the nodes it concerns (codemods/_shared/text-edits.ts), so the code a
 * transform leaves alone keeps its exact text, comments and layout, and new code is written as the transform
 * wrote it, laid out like the module (its indent, tabs or spaces). The tree stays as parsed: questions about
 * the result (is this name still used?) take the edits into account (isGone, usedNames).
 */
export class EditedModule {
  readonly ast: N.File;
  readonly edits: TextEdits;
  readonly typescript: boolean;
  /** One indent step of the module: a tab, four spaces or two. */
  private readonly step: string;
  private readonly removedStatements = new Map<Node, { withComments: boolean }>();
  private readonly droppedItems = new Map<Node[], Set<Node>>();
  private readonly marked = new Map<Node, Set<string>>();
  private readonly specifierNames = new Map<N.ExportSpecifier, { local: string; exported: string }>();
  private settled = false;
  private readonly insertionsAfter: { statement: Node; text: string; separator: string }[] = [];
  private readonly newImports = new Map<string, { specifiers: string[]; at: Node; markers: string[] }>();
  private scanned: { identifiers: Occurrence[]; moduleSources: N.StringLiteral[] } | undefined;

  constructor(
    readonly source: string,
    readonly path: string,
  ) {
    this.ast = parseModule(source, path);
    this.edits = new TextEdits(source);
    this.step = indentStep(source);
    this.typescript = /\.[mc]?tsx?$/.test(path);
  }

  text(node: Node): string {
    return this.source.slice(startOf(node), endOf(node));
  }

  /** A node's text with the edits made inside it so far. */
  current(node: Node): string {
    return this.edits.slice(startOf(node), endOf(node));
  }

  /**
   * Replaces a node with code as given: code made of the module's own text keeps that text's layout (new code
   * of several lines goes through layout() first).
   */
  replace(node: Node, code: string): void {
    this.edits.replace(startOf(node), endOf(node), code);
  }

  /** Replaces a node with code made from its current text (see TextEdits.rewrite). */
  rewrite(node: Node, make: (current: string) => string): void {
    this.edits.rewrite(startOf(node), endOf(node), make);
  }

  remove(start: number, end: number): void {
    this.edits.remove(start, end);
  }

  insert(at: number, code: string): void {
    this.edits.insert(at, code);
  }

  /**
   * Keeps `inner` of `outer` and removes the rest (`{ props: x, revalidate: 60 }` → `x`). The lines of `inner`
   * move out by as much as it was indented beyond `outer`'s line.
   */
  unwrap(outer: Node, inner: Node): void {
    this.remove(startOf(outer), startOf(inner));
    this.remove(endOf(inner), endOf(outer));
    const step = this.indentAt(startOf(inner)).length - this.indentAt(startOf(outer)).length;
    if (step > 0) this.shiftLines(inner, startOf(inner), endOf(inner), -step);
  }

  /**
   * Moves the lines that begin inside `start`…`end` (of `root`) in by `by` (an indent to add) or out by `by`
   * characters of indent (a negative count), but for blank lines and those that begin inside a template
   * literal, whose spaces are part of its value.
   */
  private shiftLines(root: Node, start: number, end: number, by: string | number): void {
    const literals = templateRanges(root);
    for (let at = this.source.indexOf('\n', start); at >= 0 && at < end; at = this.source.indexOf('\n', at + 1)) {
      const line = at + 1;
      if (this.source[line] === '\n' || literals.some(([from, to]) => from < at && at < to)) continue;
      if (typeof by === 'string') this.edits.insert(line, by);
      else if (!this.edits.covers(line, line - by) && /^[ \t]*$/.test(this.source.slice(line, line - by))) this.remove(line, line - by);
    }
  }

  /**
   * New code laid out like the module: its lines after the first start with `indent` (that of the line it
   * goes on), and each two-space step of its own indent is one of the module's (a tab, or four spaces).
   */
  layout(code: string, indent: string): string {
    if (!code.includes('\n')) return code;
    const lines = code.split('\n');
    return lines
      .map((line, i) => {
        if (i === 0 || line === '') return line;
        const own = this.step === '  ' ? line : line.replace(/^(?: {2})+/, (s) => this.step.repeat(s.length / 2));
        return indent + own;
      })
      .join('\n');
  }

  lineStart(at: number): number {
    return this.source.lastIndexOf('\n', at - 1) + 1;
  }

  /** The offset of the line end (\n, or the end of the text) at or after `at`. */
  lineEnd(at: number): number {
    const end = this.source.indexOf('\n', at);
    return end < 0 ? this.source.length : end;
  }

  indentAt(at: number): string {
    return /^[ \t]*/.exec(this.source.slice(this.lineStart(at), at + 1))![0];
  }

  /** One indent step deeper than `indent`, in the module's own style. */
  deeper(indent: string): string {
    return indent + this.step;
  }

  /**
   * `/* @zfb-next-todo: reason *\/` right before `node`: on a line of its own above a statement, or above any
   * node that begins its line (a property, an array element); inline before it otherwise. The same reason is
   * placed once per node. Before a JSX child (`inJsx`), the comment goes in braces: bare, it would be text,
   * and a `<Tag>` in its reason would open an element.
   */
  marker(node: Node, reason: string, inJsx = false): void {
    const reasons = this.marked.get(node) ?? new Set<string>();
    const text = markerComment(reason);
    // Placed by this run, or by an earlier one (among the comments right before the node): once is enough.
    if (reasons.has(text) || this.source.slice(this.commentStart(node), startOf(node)).includes(text)) return;
    reasons.add(text);
    this.marked.set(node, reasons);
    const at = startOf(node);
    const ownLine = STATEMENT.test(node.type) || this.source.slice(this.lineStart(at), at).trim() === '';
    const placed = inJsx ? `{${text}}` : text;
    this.edits.insert(at, ownLine ? `${placed}\n${this.indentAt(at)}` : `${placed} `, MARKER_RANK);
  }

  /**
   * Removes a top-level statement with its line; the comments right above it stay, unless `withComments`.
   * Spacing is settled in print().
   */
  removeStatement(statement: Node, withComments = false): void {
    this.removedStatements.set(statement, { withComments });
  }

  /**
   * Removes a node (a statement inside a function, a comment) with its whole lines when it has them to itself,
   * else with the spaces that set it apart from the code beside it, so that code reads as before.
   */
  removeLines(node: Node): void {
    const start = startOf(node);
    const end = endOf(node);
    const before = this.source.slice(this.lineStart(start), start);
    const after = this.source.slice(end, this.lineEnd(end));
    // A comment ending a statement's line goes with it; one after a removed comment is another's to keep.
    const ownLine = before.trim() === '' && (after.trim() === '' || (LINE_REST.test(after) && !node.type.startsWith('Comment')));
    if (ownLine) this.remove(this.lineStart(start), Math.min(this.lineEnd(end) + 1, this.source.length));
    else if (after.trim() === '') this.remove(start - (before.length - before.trimEnd().length), end);
    else this.remove(start, end + (after.length - after.trimStart().length));
  }

  /** Where the comments right before a node begin (the node's start when none). */
  commentStart(node: Node): number {
    let start = startOf(node);
    const comments = (this.ast.comments ?? []) as Node[];
    for (let i = comments.length - 1; i >= 0; i--) {
      const comment = comments[i]!;
      if (endOf(comment) > start) continue;
      if (this.source.slice(endOf(comment), start).trim() !== '') break;
      start = startOf(comment);
    }
    return start;
  }

  /**
   * Drops `item` from a comma-separated list (specifiers, declarators, properties). Returns true when every item
   * of the list is now dropped: the caller then removes what holds the list.
   */
  dropItem(list: Node[], item: Node): boolean {
    const dropped = this.droppedItems.get(list) ?? new Set<Node>();
    dropped.add(item);
    this.droppedItems.set(list, dropped);
    return list.every((i) => dropped.has(i));
  }

  /** Renames either side of `export { local as exported }`; the specifier is written once, in print(). */
  renameSpecifier(specifier: N.ExportSpecifier, names: { local?: string; exported?: string }): void {
    const now = this.specifierNames.get(specifier) ?? { local: nameOf(specifier.local ?? specifier.exported), exported: nameOf(specifier.exported) };
    this.specifierNames.set(specifier, { ...now, ...names });
  }

  /** Whether a node of the parsed module is gone from the result (removed, or inside rewritten code). */
  isGone(node: Node): boolean {
    const start = startOf(node);
    const end = endOf(node);
    if (this.edits.covers(start, end)) return true;
    for (const statement of this.removedStatements.keys()) if (startOf(statement) <= start && end <= endOf(statement)) return true;
    for (const items of this.droppedItems.values()) for (const item of items) if (startOf(item) <= start && end <= endOf(item)) return true;
    return false;
  }

  /**
   * Every identifier of the module, and the string literals naming other modules, from one walk over the
   * parsed tree shared by the edits that look for them (renames, unused imports, moved imports).
   */
  scan(): { identifiers: readonly Occurrence[]; moduleSources: readonly N.StringLiteral[] } {
    if (this.scanned) return this.scanned;
    const identifiers: Occurrence[] = [];
    const moduleSources: N.StringLiteral[] = [];
    walk(this.ast.program, (node, parent, key) => {
      if (node.type === 'Identifier' || node.type === 'JSXIdentifier') identifiers.push({ node: node as N.Identifier, parent, key });
      else {
        const source = moduleSource(node);
        if (source) moduleSources.push(source);
      }
    });
    this.scanned = { identifiers, moduleSources };
    return this.scanned;
  }

  /**
   * The names the result refers to: identifiers of the parsed module that are still there, and the words of
   * the code inserted (see wordsUsed: a name kept in doubt is only an unused import).
   */
  usedNames(): Set<string> {
    const names = new Set<string>();
    for (const { node, parent, key } of this.scan().identifiers) {
      if (!names.has(node.name) && isReference(parent, key) && !this.isGone(node)) names.add(node.name);
    }
    for (const text of this.edits.addedTexts()) for (const word of wordsUsed(text)) names.add(word);
    return names;
  }

  /**
   * Inserts top-level code above `statement` and the comments right above it, which stay with it; below them
   * when they open the file (a file header stays on top).
   */
  insertBefore(statement: Node, code: string, separator = '\n\n', rank = STATEMENT_RANK): void {
    this.insertTextBefore(statement, this.layout(code, '') + separator, rank);
  }

  /** Like insertBefore, for text already laid out in the module's style (and ending in its separator). */
  insertTextBefore(statement: Node, text: string, rank = STATEMENT_RANK): void {
    const comments = this.commentStart(statement);
    this.edits.insert(comments > 0 ? comments : startOf(statement), text, rank);
  }

  /**
   * Inserts top-level code below `statement` (after a comment ending its last line), or at the end. Placed in
   * print(): when the statement is removed meanwhile, the code goes below the nearest one above it that stays
   * (at the top when none does).
   */
  insertAfter(statement: Node | undefined, code: string, separator = '\n\n'): void {
    const text = this.layout(code, '');
    if (!statement) {
      const at = this.source.trimEnd().length;
      this.edits.insert(at, at === 0 ? text : separator + text);
      return;
    }
    this.insertionsAfter.push({ statement, text, separator });
  }

  private settleInsertionsAfter(): void {
    const body = this.ast.program.body as Node[];
    for (const { statement, text, separator } of this.insertionsAfter) {
      let index = body.indexOf(statement);
      while (index >= 0 && this.removedStatements.has(body[index]!)) index--;
      const anchor = index >= 0 ? body[index]! : statement;
      if (index < 0 && body.indexOf(statement) >= 0) {
        // Everything above it went: the code opens the module.
        const first = body.find((s) => !this.removedStatements.has(s));
        if (first) this.insertTextBefore(first, text + separator);
        else this.edits.insert(this.source.trimEnd().length, text);
        continue;
      }
      const end = endOf(anchor);
      const lineEnd = this.lineEnd(end);
      const at = LINE_REST.test(this.source.slice(end, lineEnd)) ? lineEnd : end;
      this.edits.insert(at, separator + text);
    }
  }

  /**
   * Puts statements at the top of a function body, indented like its first statement; an expression body
   * (`() => <X />`) becomes a block that returns it.
   */
  prepend(fn: Node & { body: Node }, code: string): void {
    const body = fn.body as Body & Node;
    const base = this.indentAt(startOf(fn as Node));
    if (body.type === 'BlockStatement') {
      const first = (body.body as Node[])[0];
      const ownLine = first && this.source.slice(this.lineStart(startOf(first)), startOf(first)).trim() === '';
      const indent = ownLine ? this.indentAt(startOf(first)) : this.deeper(base);
      const text = `\n${indent}${this.layout(code, indent)}`;
      if (ownLine) this.edits.insert(startOf(body) + 1, text);
      // `{ return x; }` on one line: the first statement goes on a line of its own after the new ones.
      else if (first) this.edits.replace(startOf(body) + 1, startOf(first), `${text}\n${indent}`);
      else this.edits.insert(startOf(body) + 1, `${text}\n${base}`);
      return;
    }
    const indent = this.deeper(base);
    const [start, end] = this.outerRange(body);
    this.edits.insert(start, `{\n${indent}${this.layout(code, indent)}\n${indent}return `);
    // The returned expression's own lines move one step in with it.
    this.shiftLines(body, start, end, this.step);
    this.edits.insert(end, `;\n${base}}`);
  }

  /** Replaces a function's parameter list (`code` '' for none), parenthesizing an arrow's bare parameter. */
  replaceParams(fn: Node & { params: Node[] }, code: string): void {
    const params = fn.params;
    if (params.length > 0) {
      const first = params[0]!;
      // `post => …`: an arrow's one parameter written without parentheses (a comment is not one).
      const before = this.source.slice(startOf(fn), startOf(first)).replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
      const bare = fn.type === 'ArrowFunctionExpression' && !before.trimEnd().endsWith('(');
      // The old list goes whole, with any edit made inside it (its type annotation rewritten, say); babel ends
      // some patterns before their annotation.
      const last = params[params.length - 1]!;
      const annotation = (last as { typeAnnotation?: Node | null }).typeAnnotation;
      this.edits.rewrite(startOf(first), Math.max(endOf(last), annotation ? endOf(annotation) : 0), () => (bare ? `(${code})` : code));
      return;
    }
    // The parameter list's opening parenthesis: after the name and type parameters, if any.
    const after = (fn as { typeParameters?: Node | null }).typeParameters ?? (fn as { id?: Node | null }).id;
    const open = this.source.indexOf('(', after ? endOf(after) : startOf(fn));
    this.edits.insert(open + 1, code);
  }

  /** A node's range with the parentheses around it. */
  outerRange(node: Node): [number, number] {
    const extra = (node as { extra?: { parenthesized?: boolean; parenStart?: number } }).extra;
    if (!extra?.parenthesized || extra.parenStart === undefined) return [startOf(node), endOf(node)];
    let end = endOf(node);
    let depth = 0;
    // Past the closing parentheses that match the opening ones before the node.
    for (let i = extra.parenStart; i < startOf(node); i++) if (this.source[i] === '(') depth++;
    while (depth > 0 && end < this.source.length) {
      if (this.source[end] === ')') depth--;
      end++;
    }
    return [extra.parenStart, end];
  }

  /**
   * The result: the source with every edit applied. The edits that depend on each other (renamed specifiers,
   * dropped list items, removed statements, new imports) are settled on the first call; markers and other
   * insertions may still follow, for another print.
   */
  print(): string {
    if (!this.settled) {
      this.settled = true;
      for (const [specifier, { local, exported }] of this.specifierNames) {
        const kind = (specifier as { exportKind?: string }).exportKind === 'type' && this.text(specifier).startsWith('type ') ? 'type ' : '';
        this.replace(specifier, `${kind}${local === exported ? local : `${local} as ${exported}`}`);
      }
      this.settleDroppedItems();
      this.settleRemovedStatements();
      this.settleInsertionsAfter();
      this.settleNewImports();
    }
    return this.edits.apply();
  }

  /**
   * Imports `specifier` (`x`, `x as y`) from `source` in a new import declaration above `at`, one declaration per
   * source however many calls add to it, with the markers given (each once).
   */
  addImport(source: string, specifier: string, at: Node, marker?: string): void {
    const entry = this.newImports.get(source) ?? { specifiers: [], at, markers: [] };
    if (!entry.specifiers.includes(specifier)) entry.specifiers.push(specifier);
    if (marker && !entry.markers.includes(marker)) entry.markers.push(marker);
    this.newImports.set(source, entry);
  }

  private settleNewImports(): void {
    for (const [source, { specifiers, at, markers }] of this.newImports) {
      this.insertBefore(at, withMarkers(`import { ${specifiers.join(', ')} } from '${source}';`, markers), at.type === 'ImportDeclaration' ? '\n' : '\n\n', IMPORT_RANK);
    }
  }

  private settleDroppedItems(): void {
    for (const [list, dropped] of this.droppedItems) {
      if (list.every((i) => dropped.has(i))) continue;
      for (let i = 0; i < list.length; i++) {
        if (!dropped.has(list[i]!)) continue;
        let j = i;
        while (j + 1 < list.length && dropped.has(list[j + 1]!)) j++;
        // A run of dropped items goes with the separator after it, or before it at the end of the list.
        if (j + 1 < list.length) this.edits.remove(startOf(list[i]!), startOf(list[j + 1]!));
        else this.edits.remove(endOf(list[i - 1]!), endOf(list[j]!));
        i = j;
      }
    }
  }

  /**
   * A removed statement takes its whole line. Where a blank line came before it (or the file began), the blank
   * lines after it go too, so the statements around it keep one blank line between them; at the end of the
   * file, the blank lines before it go.
   */
  private settleRemovedStatements(): void {
    const body = this.ast.program.body as Node[];
    // Where a run of removals ends, whether the text before it was blank (see above).
    const blankBefore = new Map<number, boolean>();
    // The run of removals that ends where the last one ended: the blank lines a removal at the end of the
    // file takes back are those before the whole run (the run's own removals cover the rest).
    let runStart = 0;
    let removedUpTo = 0;
    for (const statement of body) {
      const removal = this.removedStatements.get(statement);
      if (!removal) continue;
      let start = removal.withComments ? this.commentStart(statement) : startOf(statement);
      let end = endOf(statement);
      const lineStart = this.lineStart(start);
      const lineEnd = this.lineEnd(end);
      const ownLine = this.source.slice(lineStart, start).trim() === '' && LINE_REST.test(this.source.slice(end, lineEnd));
      if (!ownLine) {
        this.edits.remove(start, end);
        continue;
      }
      start = lineStart;
      end = Math.min(lineEnd + 1, this.source.length);
      if (start !== removedUpTo) runStart = start;
      const blank = blankBefore.get(start) ?? (start === 0 || BLANK_LINE.test(this.source.slice(this.lineStart(start - 1), start - 1)));
      if (blank) {
        while (end < this.source.length && BLANK_LINE.test(this.source.slice(end, this.lineEnd(end)))) end = this.lineEnd(end) + 1;
        if (end >= this.source.length) {
          let back = runStart;
          while (back > 0 && BLANK_LINE.test(this.source.slice(this.lineStart(back - 1), back - 1))) back = this.lineStart(back - 1);
          if (runStart === start) start = back;
          else if (back < runStart) this.edits.remove(back, runStart);
        }
      }
      blankBefore.set(Math.min(end, this.source.length), blank);
      this.edits.remove(start, Math.min(end, this.source.length));
      removedUpTo = Math.min(end, this.source.length);
    }
  }
}

/**
 * A module's indent step: the least indent its code lines start with, in tabs where tabs lead more lines than
 * spaces (a block comment's ` * ` lines aside); in spaces, four or two.
 */
function indentStep(source: string): string {
  const tabs = indentedWithTabs(source);
  let least = Infinity;
  for (const match of source.matchAll(tabs ? /^(\t+)[^\t\n]/gm : /^( +)[^ *\n]/gm)) least = Math.min(least, match[1]!.length);
  if (tabs) return '\t'.repeat(least === Infinity ? 1 : Math.min(least, 2));
  return least >= 4 && least !== Infinity ? '    ' : '  ';
}

/**
 * The words of inserted code that may refer to a binding: every identifier-like word outside comments and
 * strings, but for member names (`.x`) and object keys (`{ x:` / `, x:`). A fragment such as `, name` gives
 * `name`; a ternary's `? x :` still counts.
 */
function wordsUsed(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, ' ');
  const words: string[] = [];
  // The nearest characters around a word, spaces skipped: one look each way, not a slice of the whole text.
  const around = (from: number, step: 1 | -1): string => {
    let at = from;
    while (at >= 0 && at < code.length && /\s/.test(code[at]!)) at += step;
    return code[at] ?? '';
  };
  for (const match of code.matchAll(/[A-Za-z_$][\w$]*/g)) {
    const start = match.index!;
    const before = around(start - 1, -1);
    if (before === '.' && code[start - 2] !== '.') continue;
    if ((before === '{' || before === ',') && around(start + match[0].length, 1) === ':') continue;
    words.push(match[0]);
  }
  return words;
}

/** The ranges of the template literals under `root`: line breaks inside them are part of a string's value. */
function templateRanges(root: Node): [number, number][] {
  const ranges: [number, number][] = [];
  walk(root, (node) => {
    if (node.type === 'TemplateLiteral') ranges.push([startOf(node), endOf(node)]);
  });
  return ranges;
}

function nameOf(node: Node): string {
  return node.type === 'StringLiteral' ? JSON.stringify((node as N.StringLiteral).value) : (node as N.Identifier).name;
}
