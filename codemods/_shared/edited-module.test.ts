import type { namedTypes as N } from 'ast-types';
import { describe, expect, it } from 'vitest';
import { EditedModule, endOf, startOf } from './edited-module.js';
import { findExport, type FunctionNode } from './find-export.js';
import { dropUnusedImports, ensureImports, removeExport, renameBinding } from './module-edits.js';

const edited = (source: string, path = 'pages/a.tsx'): EditedModule => new EditedModule(source, path);
const statement = (m: EditedModule, index: number): N.Node => m.ast.program.body[index] as N.Node;

describe('EditedModule', () => {
  it('prints the module unchanged, byte for byte, when nothing was edited', () => {
    const source = "import a from 'a' ;\n\n\nconst   x = 1 // odd\n";
    expect(edited(source).print()).toBe(source);
  });

  it('removes a statement with its line, keeping one blank line between its neighbours', () => {
    const source = 'const a = 1;\n\nconst b = 2;\n\nconst c = 3;\n';
    const m = edited(source);
    m.removeStatement(statement(m, 1));
    expect(m.print()).toBe('const a = 1;\n\nconst c = 3;\n');
  });

  it('removes adjacent statements as one block, and leaves no blank line at the top or the end', () => {
    const m = edited("import a from 'a';\nimport b from 'b';\n\nconst c = 1;\n\nconst d = 2;\n");
    m.removeStatement(statement(m, 0));
    m.removeStatement(statement(m, 1));
    m.removeStatement(statement(m, 3));
    expect(m.print()).toBe('const c = 1;\n');
  });

  it('keeps the comment above a removed statement unless told to take it along', () => {
    const source = 'const a = 1;\n\n// about b\nconst b = 2;\n\nconst c = 3;\n';
    const kept = edited(source);
    kept.removeStatement(statement(kept, 1));
    expect(kept.print()).toBe('const a = 1;\n\n// about b\n\nconst c = 3;\n');
    const taken = edited(source);
    taken.removeStatement(statement(taken, 1), true);
    expect(taken.print()).toBe('const a = 1;\n\nconst c = 3;\n');
  });

  it('puts a marker above a statement at its indent, and inline before an expression, once per reason', () => {
    const m = edited('function f() {\n  return g(x);\n}\n');
    const fn = statement(m, 0) as N.FunctionDeclaration;
    const ret = fn.body.body[0] as N.ReturnStatement;
    m.marker(ret, 'check this');
    m.marker(ret, 'check this');
    m.marker((ret.argument as N.CallExpression).arguments[0] as N.Node, 'and this');
    expect(m.print()).toBe('function f() {\n  /* @zfb-next-todo: check this */\n  return g(/* @zfb-next-todo: and this */ x);\n}\n');
  });

  it('puts a marker above a node that begins its line, and leaves one an earlier run placed', () => {
    const m = edited("const o = {\n  a: 1,\n  /* @zfb-next-todo: known */\n  b: 2,\n};\n");
    const object = ((statement(m, 0) as N.VariableDeclaration).declarations[0] as N.VariableDeclarator).init as N.ObjectExpression;
    m.marker(object.properties[0] as N.Node, 'new');
    m.marker(object.properties[1] as N.Node, 'known');
    expect(m.print()).toBe("const o = {\n  /* @zfb-next-todo: new */\n  a: 1,\n  /* @zfb-next-todo: known */\n  b: 2,\n};\n");
  });

  it('gathers new imports of one source into one declaration above the statement given, markers on top', () => {
    const m = edited("export { a, b } from './m';\n\nexport default 1;\n");
    m.addImport('./n', 'a', statement(m, 0), 'first');
    m.addImport('./n', 'b as c', statement(m, 1), 'second');
    m.insertBefore(statement(m, 0), 'const x = 1;');
    m.removeStatement(statement(m, 0));
    expect(m.print()).toBe("/* @zfb-next-todo: first */\n/* @zfb-next-todo: second */\nimport { a, b as c } from './n';\n\nconst x = 1;\n\nexport default 1;\n");
  });

  it('puts code meant below a statement that goes below the nearest one above it that stays', () => {
    const m = edited("import a from 'a';\nimport Link from 'next/link';\n\nexport default 1;\n");
    m.insertAfter(statement(m, 1), 'export function paths() {}');
    m.removeStatement(statement(m, 1));
    expect(m.print()).toBe("import a from 'a';\n\nexport function paths() {}\n\nexport default 1;\n");
    const alone = edited("import Link from 'next/link';\n\nexport default 1;\n");
    alone.insertAfter(statement(alone, 0), 'export function paths() {}');
    alone.removeStatement(statement(alone, 0));
    expect(alone.print()).toBe('export function paths() {}\n\nexport default 1;\n');
  });

  it('inserts code above a statement and the comment right above it, but below a comment that opens the file', () => {
    const m = edited('const a = 1;\n\n// The page.\nexport default 1;\n');
    m.insertBefore(statement(m, 1), 'const b = 2;');
    expect(m.print()).toBe('const a = 1;\n\nconst b = 2;\n\n// The page.\nexport default 1;\n');
    const header = edited('// The file.\nexport default 1;\n');
    header.insertBefore(statement(header, 0), 'const b = 2;');
    expect(header.print()).toBe('// The file.\nconst b = 2;\n\nexport default 1;\n');
  });

  it('removes a node with its line when it has the line to itself, else with the spaces beside it', () => {
    const m = edited('/* a */\n/* b */ const x = 1;\nconst y = 2; /* c */\n/* d */ /* e */\n');
    const [a, b, c, d] = m.ast.comments as unknown as N.Node[];
    for (const comment of [a, b, c, d]) m.removeLines(comment!);
    expect(m.print()).toBe('const x = 1;\nconst y = 2;\n/* e */\n');
  });

  it('prints again with a marker placed after the first print', () => {
    const m = edited('const a = 1;\n');
    m.removeStatement(statement(m, 0));
    expect(m.print()).toBe('');
    const other = edited('const a = 1;\nconst b = 2;\n');
    other.removeStatement(statement(other, 0));
    expect(other.print()).toBe('const b = 2;\n');
    other.marker(statement(other, 1), 'late');
    expect(other.print()).toBe('/* @zfb-next-todo: late */\nconst b = 2;\n');
  });

  it('prepends to a block body at the indent of its first statement', () => {
    const m = edited('function f() {\n    return 1;\n}\n');
    m.prepend(statement(m, 0) as FunctionNode, 'const a = 0;');
    expect(m.print()).toBe('function f() {\n    const a = 0;\n    return 1;\n}\n');
  });

  it('turns an expression body into a block that returns it, moving its lines one step in', () => {
    const source = 'const F = () => (\n  <div>\n    <p>{`a\n  b`}</p>\n  </div>\n);\n';
    const m = edited(source);
    const declarator = (statement(m, 0) as N.VariableDeclaration).declarations[0] as N.VariableDeclarator;
    m.prepend(declarator.init as FunctionNode, 'const a = 0;');
    expect(m.print()).toBe('const F = () => {\n  const a = 0;\n  return (\n    <div>\n      <p>{`a\n  b`}</p>\n    </div>\n  );\n};\n');
  });

  it('lays new code out in tabs in a tab-indented module', () => {
    const m = edited('function f() {\n\treturn 1;\n}\n');
    m.insertAfter(statement(m, 0), 'function g() {\n  if (x) {\n    return 2;\n  }\n}');
    expect(m.print()).toBe('function f() {\n\treturn 1;\n}\n\nfunction g() {\n\tif (x) {\n\t\treturn 2;\n\t}\n}\n');
  });

  it('lays new code out in four-space steps in a module indented four spaces', () => {
    const m = edited('const F = () => (\n    <div />\n);\n');
    const declarator = (statement(m, 0) as N.VariableDeclaration).declarations[0] as N.VariableDeclarator;
    m.prepend(declarator.init as FunctionNode, 'if (x) {\n  y();\n}');
    expect(m.print()).toBe('const F = () => {\n    if (x) {\n        y();\n    }\n    return (\n        <div />\n    );\n};\n');
  });

  it('keeps the inner part of a node, moved out by the indent it had beyond the outer line', () => {
    const m = edited("function f() {\n  return {\n    paths: [\n      'a',\n    ],\n  };\n}\n");
    const ret = (statement(m, 0) as N.FunctionDeclaration).body.body[0] as N.ReturnStatement;
    const object = ret.argument as N.ObjectExpression;
    m.unwrap(object, (object.properties[0] as N.ObjectProperty).value);
    expect(m.print()).toBe("function f() {\n  return [\n    'a',\n  ];\n}\n");
  });
});

describe('module edits', () => {
  it('removes export specifiers from one list, and the statement when the list empties', () => {
    const m = edited("export { a as getStaticPaths, b, c as getStaticProps } from './m';\nconst d = 1;\nexport { d as getStaticPaths2 };\n");
    removeExport(m, findExport(m.ast, 'getStaticPaths')!);
    removeExport(m, findExport(m.ast, 'getStaticProps')!);
    removeExport(m, findExport(m.ast, 'getStaticPaths2')!);
    expect(m.print()).toBe("export { b } from './m';\nconst d = 1;\n");
  });

  it('renames a binding everywhere it is referenced, keeping keys, members and the imported name', () => {
    const m = edited("import { load } from './m';\nconst o = { load, x: load.y, load: 1 };\nexport { load };\ntype T = typeof load;\n");
    renameBinding(m, 'load', 'fetchAll');
    expect(m.print()).toBe("import { load as fetchAll } from './m';\nconst o = { load: fetchAll, x: fetchAll.y, load: 1 };\nexport { fetchAll as load };\ntype T = typeof fetchAll;\n");
  });

  it('adds missing names to an existing import, or a new import above the first one', () => {
    const existing = edited("// header\nimport { notFound } from 'next/navigation';\n");
    ensureImports(existing, 'next/navigation', ['notFound', 'redirect']);
    expect(existing.print()).toBe("// header\nimport { notFound, redirect } from 'next/navigation';\n");
    const fresh = edited("import a from 'a';\n");
    ensureImports(fresh, 'next/navigation', ['notFound']);
    expect(fresh.print()).toBe("import { notFound } from 'next/navigation';\nimport a from 'a';\n");
    // The comment above the first import is the file's (or that import's): it stays on top of it.
    const commented = edited("// header\nimport a from 'a';\nimport b from 'b';\n");
    ensureImports(commented, 'next/navigation', ['notFound']);
    expect(commented.print()).toBe("// header\nimport a from 'a';\nimport { notFound } from 'next/navigation';\nimport b from 'b';\n");
  });

  it('drops the imports the result no longer refers to', () => {
    const source = "import type { GetStaticPaths, GetStaticProps } from 'next';\nimport { a } from 'a';\n\nexport const x: GetStaticPaths = a;\n";
    const m = edited(source);
    const declarator = ((statement(m, 2) as N.ExportNamedDeclaration).declaration as N.VariableDeclaration).declarations[0] as N.VariableDeclarator;
    const id = declarator.id as N.Identifier;
    m.remove(startOf(id) + 1, endOf(id.typeAnnotation as N.Node));
    dropUnusedImports(m, 'next', ['GetStaticPaths', 'GetStaticProps']);
    expect(m.print()).toBe("import { a } from 'a';\n\nexport const x = a;\n");
    const kept = edited(source);
    dropUnusedImports(kept, 'next', ['GetStaticPaths', 'GetStaticProps']);
    expect(kept.print()).toBe("import type { GetStaticPaths } from 'next';\nimport { a } from 'a';\n\nexport const x: GetStaticPaths = a;\n");
  });
});
