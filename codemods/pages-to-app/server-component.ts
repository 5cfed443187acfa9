import type { namedTypes as N } from 'ast-types';
import type { EditedModule } from '../_shared/edited-module.js';
import type { FunctionNode } from '../_shared/find-export.js';
import { walk } from '../_shared/walk.js';

/**
 * An app page is a React Server Component unless its module starts with 'use client'. What a pages-router
 * component could do there and a server component cannot, checked with next build 16.4.6 (Turbopack):
 *
 * - a hook React's server build does not export (`useState`, `useEffect`, `useReducer`, `useRef`, …) imported
 *   from 'react' fails the compile: "You're importing a module that depends on `useState` into a React Server
 *   Component module. This API is only available in Client Components.";
 * - in an async component, a hook after the first `await` fails the prerender, even one the server build has:
 *   "TypeError: Cannot read properties of null (reading 'useMemo')". The page pages-to-app makes async awaits
 *   its data first, so every hook of its body comes after an await.
 */

// The hooks of next/dist/compiled/react/cjs/react.react-server.production.js (its `exports.*`).
const SERVER_HOOKS = new Set(['use', 'useCallback', 'useDebugValue', 'useId', 'useMemo']);
const HOOK = /^use[A-Z0-9]/;

function isUseClient(m: EditedModule): boolean {
  return (m.ast.program.directives ?? []).some((d) => d.value.value === 'use client');
}

/** Marks each import from 'react' of a hook only client components have. */
export function markClientOnlyHookImports(m: EditedModule): void {
  if (isUseClient(m)) return;
  for (const statement of m.ast.program.body as N.Node[]) {
    if (statement.type !== 'ImportDeclaration') continue;
    const declaration = statement as N.ImportDeclaration;
    if (declaration.source.value !== 'react' || declaration.importKind === 'type') continue;
    const hooks = (declaration.specifiers ?? []).flatMap((s) => {
      if (s.type !== 'ImportSpecifier' || (s as { importKind?: string }).importKind === 'type') return [];
      const name = String(s.imported.name);
      return HOOK.test(name) && !SERVER_HOOKS.has(name) ? [name] : [];
    });
    if (hooks.length === 0) continue;
    const list = hooks.map((h) => `\`${h}\``).join(', ');
    m.marker(
      statement,
      `an app page is a server component, where ${list} cannot run: next build fails ("You're importing a module that depends on \`${hooks[0]}\` into a React Server Component module"); move the component that uses ${hooks.length > 1 ? 'them' : 'it'} into a file that starts with 'use client' and render it from the page`,
    );
  }
}

/** `useMemo(…)` or `React.useMemo(…)` → 'useMemo' / 'React.useMemo'. */
function hookName(call: N.CallExpression): string | undefined {
  const callee = call.callee as N.Node;
  if (callee.type === 'Identifier' && HOOK.test((callee as N.Identifier).name)) return (callee as N.Identifier).name;
  if (callee.type === 'MemberExpression') {
    const member = callee as N.MemberExpression;
    if (!member.computed && member.property.type === 'Identifier' && HOOK.test(member.property.name) && member.object.type === 'Identifier') {
      return `${member.object.name}.${member.property.name}`;
    }
  }
  return undefined;
}

/**
 * Marks each statement of the page component's body that calls a hook, once the component is async and awaits
 * its data first. Nested functions are not looked into: a hook there was already against the rules of hooks.
 */
export function markHooksAfterAwait(m: EditedModule, component: FunctionNode): void {
  if (isUseClient(m) || component.body.type !== 'BlockStatement') return;
  for (const statement of component.body.body as N.Node[]) {
    const hooks = new Set<string>();
    walk(statement, (node) => {
      if (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression' || node.type === 'FunctionDeclaration') return false;
      if (node.type === 'CallExpression') {
        const name = hookName(node as N.CallExpression);
        if (name) hooks.add(name);
      }
      return undefined;
    });
    if (hooks.size === 0) continue;
    const names = [...hooks];
    const bare = names.map((name) => name.split('.').pop()!);
    // The error text is the one seen for a hook React's server build has; others fail in other ways.
    const seen = bare.every((name) => SERVER_HOOKS.has(name)) ? ` (next build: "Cannot read properties of null (reading '${bare[0]}')")` : '';
    m.marker(
      statement,
      `the page is now an async server component that awaits its data first, where ${names.map((h) => `\`${h}\``).join(', ')} cannot run${seen}: move the code that needs ${names.length > 1 ? 'them' : 'it'} into a client component ('use client') that gets the loaded props`,
    );
  }
}
