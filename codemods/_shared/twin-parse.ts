import { attach } from 'recast/lib/comments.js';
import { fromString, type Lines } from 'recast/lib/lines.js';
import { normalize } from 'recast/lib/options.js';
import * as recastUtil from 'recast/lib/util.js';

/**
 * recast.parse, with a second parse standing in for recast's copy.
 *
 * recast.parse returns a copy of the parser's tree whose nodes link to their originals (`copy.original`);
 * printing compares the two to reuse the source text of whatever did not change. recast builds that copy
 * key by key and defines each link with Object.defineProperty, both of which V8 runs through its slow
 * paths: on a 40-line page the copy costs about twice the parse. A second parse of the same text is the
 * same tree, built by the parser's own constructors, so here it is the copy: each of its nodes keeps its
 * twin under a symbol, and an accessor on the parser's node prototype answers `original` from it. The
 * originals are prepared by recast's own functions (fixFaultyLocations, comment attachment) and their `loc`
 * objects carry lines, tokens, indent and token range as recast's TreeCopier sets them; copy and original
 * share `loc`, as in recast. Two differences, neither of which recast's printer can see: a plain data object
 * under a node (`extra`, a template element's `value`) is the second parse's own, without a link (the
 * printer compares such objects field by field), and `'original' in node` holds for every parsed node.
 * test/codemod/twin-parse.test.ts holds the result to recast.parse's over every fixture.
 *
 * Unlike recast.parse, the nodes' `start` and `end` are offsets into the source as written, also where recast
 * parses a normalised text (tab indents, CRLF line ends, a byte order mark): transforms copy source text by them.
 */

// Taken once: a bundled CommonJS module's exports are read through a getter on every use.
const { comparePos, fixFaultyLocations, getTrueLoc } = recastUtil;

type Tree = Record<string | symbol, unknown>;
interface Loc {
  start: { line: number; column: number; token?: number };
  end: { line: number; column: number; token?: number };
  lines?: Lines;
  tokens?: unknown[];
  indent?: number;
}
interface Token {
  value?: unknown;
  loc: Loc;
}

/** Parses `code`; `withTokens` asks for the token list, which only the original needs. */
export type TreeParser = (code: string, withTokens: boolean) => Tree;

/** Where a parsed node keeps its original (the copy's twin, or itself once printing reuses it as is). */
const TWIN = Symbol('zfb-next.original');
const LINK: PropertyDescriptor = { configurable: true, enumerable: false, writable: true };

/**
 * Links `node` to `original` the way recast reads it: through the accessor on a parsed node, and as a
 * non-enumerable property on any other object (recast's printer compares objects by their enumerable keys).
 */
export function setOriginal(node: object, original: unknown): void {
  if ('original' in node) (node as Tree).original = original;
  else Object.defineProperty(node, 'original', { ...LINK, value: original });
}

function installOriginalAccessor(nodePrototype: object): void {
  if (Object.prototype.hasOwnProperty.call(nodePrototype, 'original')) return;
  Object.defineProperty(nodePrototype, 'original', {
    configurable: true,
    enumerable: false,
    get(this: Tree) {
      return this[TWIN];
    },
    set(this: Tree, value: unknown) {
      this[TWIN] = value;
    },
  });
}

/**
 * `tabWidth` is the width recast gives a leading tab, for its columns here and when printing (they must agree
 * for recast to reuse a line's own indentation).
 */
export function parseWithOriginals(source: string, parseTree: TreeParser, tabWidth = normalize({}).tabWidth): Tree {
  const lines = fromString(source, { tabWidth });
  const { code, toSource } = textAsLinesRead(lines, source);
  const original = parseTree(code, true);
  const twin = parseTree(code, false);
  if (code !== source) {
    moveOffsets(original, toSource);
    moveOffsets(twin, toSource);
  }
  const nodePrototype = Object.getPrototypeOf(original) as object;
  installOriginalAccessor(nodePrototype);

  // What recast.parse does to the parser's tree before copying it, in its order.
  const tokens = original.tokens as Token[];
  delete original.tokens;
  for (const token of tokens) {
    if (typeof token.value !== 'string') token.value = lines.sliceString(token.loc.start, token.loc.end);
  }
  const comments = (original.comments ?? []) as unknown[];
  delete original.comments;
  fixFaultyLocations(original, lines);
  const fileLoc = original.loc as Loc;
  fileLoc.lines = lines;
  fileLoc.indent = 0;
  original.tokens = tokens;
  const program = original.program as Tree & { loc: Loc; body: unknown[] };
  // A parsed Program always has a loc, so recast's helper finds one.
  const programLoc = getTrueLoc({ type: program.type, loc: program.loc, body: [], comments }, lines)!;
  program.loc.start = programLoc.start;
  program.loc.end = programLoc.end;
  attach(comments, program.body.length ? program : original, lines);

  // The twin File still has the comment list recast took off the original, and no tokens yet.
  delete twin.comments;
  new Pairer(lines, tokens, nodePrototype).node(original, twin);
  return twin;
}

/**
 * Walks the original and its twin side by side in recast's TreeCopier order (a node's own loc first, then
 * its keys in order), so that indents and token ranges come out as recast computes them.
 */
class Pairer {
  private startToken = 0;
  private endToken: number;
  private indent = 0;
  private readonly whitespaceEnd: number[];

  constructor(
    private readonly lines: Lines,
    private readonly tokens: Token[],
    private readonly nodePrototype: object,
  ) {
    this.endToken = tokens.length;
    this.whitespaceEnd = whitespaceEnds(lines);
  }

  /** Pairs a parsed node with its twin. */
  node(original: Tree, twin: Tree): void {
    if (mayHaveFaultyLocation(original)) fixFaultyLocations(original, this.lines);
    twin[TWIN] = original;
    const loc = original.loc as Loc | null | undefined;
    const outerIndent = this.indent;
    if (loc) this.place(loc, original.type);
    const outerStart = this.startToken;
    const outerEnd = this.endToken;
    const keys = Object.keys(original);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (key === 'loc') {
        twin.loc = loc;
      } else if (key === 'tokens' && original.type === 'File') {
        twin.tokens = original.tokens;
      } else if (key === 'comments') {
        // Attached to the original by recast, after parsing: the twin gets copies, as recast makes them.
        twin.comments = this.copy(original.comments);
      } else {
        this.value(original[key], twin, key);
      }
    }
    this.indent = outerIndent;
    this.startToken = outerStart;
    this.endToken = outerEnd;
  }

  /** Pairs what `original` holds with what `holder[key]` holds in the twin. */
  private value(original: unknown, holder: Tree | unknown[], key: string | number): void {
    const twin = (holder as Tree)[key];
    if (typeof original !== 'object' || original === null) {
      // fixFaultyLocations may have cut a node off the original (a method's id): the copy follows.
      if (twin !== original && typeof twin === 'object') (holder as Tree)[key] = original;
      return;
    }
    if (Array.isArray(original)) {
      if (!Array.isArray(twin) || twin.length !== original.length) throw twinMismatch(key);
      for (let i = 0; i < original.length; i++) this.value(original[i], twin, i);
    } else if (Object.getPrototypeOf(original) === this.nodePrototype) {
      if (typeof twin !== 'object' || twin === null || (twin as Tree).type !== (original as Tree).type) throw twinMismatch(key);
      this.node(original as Tree, twin as Tree);
    } else if (typeof twin === 'object' && twin !== null) {
      // A plain data object (`extra`): the twin's own equal one. Its fields are values, with no loc.
      for (const field of Object.keys(original)) this.value((original as Tree)[field], twin as Tree, field);
    } else {
      throw twinMismatch(key);
    }
  }

  /** recast's own copy, for what was added to the original after parsing (attached comments). */
  private copy(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((item) => this.copy(item));
    const original = value as Tree;
    if (mayHaveFaultyLocation(original)) fixFaultyLocations(original, this.lines);
    const copy = Object.create(Object.getPrototypeOf(original) as object) as Tree;
    Object.defineProperty(copy, 'original', { ...LINK, configurable: false, value: original });
    const loc = original.loc as Loc | null | undefined;
    const outerIndent = this.indent;
    if (loc) this.place(loc, original.type);
    const outerStart = this.startToken;
    const outerEnd = this.endToken;
    for (const key of Object.keys(original)) copy[key] = key === 'loc' ? loc : this.copy(original[key]);
    this.indent = outerIndent;
    this.startToken = outerStart;
    this.endToken = outerEnd;
    return copy;
  }

  /** recast's per-node loc fields: the source lines and tokens, the indent, and the node's token range. */
  private place(loc: Loc, type: unknown): void {
    // recast asks lines.isPrecededOnlyByWhitespace(loc.start); the same answer, read off a table.
    if (type === 'Block' || type === 'Line' || type === 'CommentBlock' || type === 'CommentLine' || loc.start.column <= this.whitespaceEnd[loc.start.line - 1]!) {
      this.indent = loc.start.column;
    }
    loc.lines = this.lines;
    loc.tokens = this.tokens;
    loc.indent = this.indent;
    this.narrowTokenRange(loc);
  }

  /**
   * Sets loc.start.token and loc.end.token so that tokens.slice(start, end) are the node's tokens. The window
   * [startToken, endToken) is the parent's range, so each step moves the two ends only a little.
   */
  private narrowTokenRange(loc: Loc): void {
    const tokens = this.tokens;
    // A node may begin before where the last sibling left the window, or end after it: widen first.
    while (this.startToken > 0 && comparePos(loc.start, tokens[this.startToken]!.loc.start) < 0) this.startToken--;
    while (this.endToken < tokens.length && comparePos(tokens[this.endToken]!.loc.end, loc.end) <= 0) this.endToken++;
    while (this.startToken < this.endToken && comparePos(tokens[this.startToken]!.loc.start, loc.start) < 0) this.startToken++;
    loc.start.token = this.startToken;
    while (this.endToken > this.startToken && comparePos(loc.end, tokens[this.endToken - 1]!.loc.end) < 0) this.endToken--;
    loc.end.token = this.endToken;
  }
}

/**
 * The text recast hands the parser: the source as its lines read, leading tabs expanded (recast's columns
 * count a tab as `tabWidth`) and a byte order mark or form feed in the indentation dropped. recast.parse
 * also ends every line with \n, which turns a U+2028 inside a string into a line break the parser refuses;
 * here each line keeps its own end, which the parser counts as recast does. `toSource` maps an offset in that
 * text to the same character's offset in `source`, for the transforms that slice it.
 */
function textAsLinesRead(lines: Lines, source: string): { code: string; toSource: (offset: number) => number } {
  const infos = lineInfos(lines);
  const parsedStarts: number[] = [];
  const sourceStarts: number[] = [];
  const parts: string[] = [];
  const ends = /\r\n|\r(?!\n)|\n|\u2028|\u2029/g;
  let parsedAt = 0;
  let sourceAt = 0;
  for (const info of infos) {
    parsedStarts.push(parsedAt);
    sourceStarts.push(sourceAt);
    ends.lastIndex = sourceAt + info.line.length;
    const end = ends.exec(source);
    const text = ' '.repeat(info.indent) + info.line.slice(info.sliceStart) + (end ? end[0] : '');
    parts.push(text);
    parsedAt += text.length;
    sourceAt = end ? end.index + end[0].length : source.length;
  }
  const toSource = (offset: number): number => {
    let low = 0;
    let high = parsedStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (parsedStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    const info = infos[low]!;
    const column = offset - parsedStarts[low]!;
    // A column inside the expanded indentation (only a position at a line's start is) maps to the line's start.
    return sourceStarts[low]! + (column < info.indent ? 0 : info.sliceStart + column - info.indent);
  };
  return { code: parts.join(''), toSource };
}

/** recast's record of each line (not in its typings): the line's text, its indent in columns, and its slice. */
interface LineInfo {
  line: string;
  indent: number;
  sliceStart: number;
  sliceEnd: number;
}

function lineInfos(lines: Lines): LineInfo[] {
  return (lines as unknown as { infos: LineInfo[] }).infos;
}

/** Moves every node's and comment's start and end (and a parenthesized expression's) into source offsets. */
function moveOffsets(tree: Tree, toSource: (offset: number) => number): void {
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    const node = value as Tree;
    if (typeof node.start === 'number') node.start = toSource(node.start);
    if (typeof node.end === 'number') node.end = toSource(node.end);
    for (const key of Object.keys(node)) {
      // Tokens keep the parsed text's offsets: their text is taken from it (ast.ts, fillTokenValues).
      if (key === 'loc' || key === 'tokens') continue;
      if (key === 'extra') {
        const extra = node.extra as { parenStart?: unknown } | undefined;
        if (typeof extra?.parenStart === 'number') extra.parenStart = toSource(extra.parenStart);
        continue;
      }
      stack.push(node[key]);
    }
  }
}

/**
 * For each line, the last column that recast's Lines.isPrecededOnlyByWhitespace answers true for: the end of
 * the line's leading whitespace (Infinity for a blank line, where every column is). Asked for every node, the
 * question otherwise slices the line and runs a regular expression each time.
 */
function whitespaceEnds(lines: Lines): number[] {
  return lineInfos(lines).map(({ line, indent, sliceStart, sliceEnd }) => {
    const text = line.slice(sliceStart, sliceEnd);
    const firstNonSpace = text.search(/\S/);
    return firstNonSpace === -1 ? Infinity : Math.max(indent, 0) + firstNonSpace;
  });
}

/**
 * Whether recast's fixFaultyLocations can change anything on `node`: the types and fields it looks at. It is
 * called for every node, and most of its checks go through ast-types (test: ast-types knows no subtype of
 * MethodDefinition or Property).
 */
function mayHaveFaultyLocation(node: Tree): boolean {
  switch (node.type) {
    case 'File':
    case 'ForStatement':
    case 'TemplateLiteral':
    case 'ObjectTypeProperty':
    case 'MethodDefinition':
    case 'Property':
      return true;
  }
  const loc = node.loc as Loc | null | undefined;
  return Boolean(node.decorators || node.declaration || (loc && (loc.start.line < 1 || loc.end.line < 1)));
}

/** Two parses of one text differ: a parser bug, or a parse that is not deterministic. Never a user's error. */
function twinMismatch(key: string | number): Error {
  return new Error(`internal error: two parses of the same text differ at "${String(key)}"`);
}
