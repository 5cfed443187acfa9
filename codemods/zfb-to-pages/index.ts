import { isDynamic } from '../../src/model/segments.js';
import { EditedModule } from '../_shared/edited-module.js';
import { findExport, ownStatement } from '../_shared/find-export.js';
import { newMarkers } from '../_shared/marker.js';
import { markOpaque, opaqueExports, ZFB_DATA_EXPORTS } from '../_shared/opaque-exports.js';
import { routeFromPath } from '../_shared/route-file.js';
import type { Transform, TransformResult } from '../_shared/types.js';
import { clashingBinding } from '../_shared/zfb-common.js';
import {
  entryHelpers,
  keepPathsLocal,
  markZfbImports,
  nextParamsExpression,
  renameNextLocals,
  unsupportedZfbPage,
} from '../_shared/zfb-source.js';

const GENERATED_NAMES = ['getStaticPaths', 'getStaticProps', 'zfbEntries', 'loadEntries', 'entryFor', 'nextParams'];

/**
 * A zfb page into a Next.js pages-router page at the same path. paths() stays, unexported, and runs unchanged:
 * getStaticPaths lists its entries' params with `fallback: false` (zfb serves nothing else), and
 * getStaticProps hands the component what zfb hands it, `{ params, ...props }` of the matching entry.
 */
const zfbToPages: Transform = (input) => {
  const route = routeFromPath(input.path);
  if (!route || route.router !== 'pages') return skip('not a file under pages/');
  const unsupported = unsupportedZfbPage(input.path, route.folder, route.ext);
  if (unsupported) return skip(unsupported);
  const m = new EditedModule(input.source, input.path);
  const ast = m.ast;
  if (findExport(ast, 'getStaticPaths')) return skip('already a pages-router page: it exports getStaticPaths');
  const opaque = opaqueExports(ast, ZFB_DATA_EXPORTS);
  if (opaque.length > 0) return markOpaque(m, input, opaque);
  const ts = m.typescript;

  if (isDynamic(route.segments)) {
    if (!findExport(ast, 'paths')) return skip('a dynamic zfb page without paths() builds nothing; there is nothing to carry');
    const renamed = renameNextLocals(m, ['getStaticPaths', 'getStaticProps']);
    const clash = clashingBinding(ast, GENERATED_NAMES.filter((name) => !renamed.has(name)));
    if (clash) return skip(`the module already has a top-level \`${clash}\`, a name the generated Next code needs`);
    const paths = keepPathsLocal(m)!;
    const propsType = ts ? ': { params?: Record<string, any> }' : '';
    const code = [
      entryHelpers(ts, route.segments, paths.local),
      ``,
      `/** zfb builds only the URLs paths() lists, so every other URL is a 404 here too. */`,
      `export async function getStaticPaths() {`,
      `  const entries = await loadEntries();`,
      `  return { paths: entries.map((entry${ts ? ': any' : ''}) => ({ params: ${nextParamsExpression(route.segments, 'entry.params')} })), fallback: false };`,
      `}`,
      ``,
      `/** The component gets what zfb gives it: the entry's params with its props spread beside them. */`,
      `export async function getStaticProps({ params }${propsType}) {`,
      `  const entry = await entryFor(params ?? {});`,
      `  if (!entry) return { notFound: true };`,
      `  return { props: { params: entry.params, ...entry.props } };`,
      `}`,
    ].join('\n');
    m.insertAfter(ownStatement(paths.found), code);
  }
  markZfbImports(m);
  const source = m.print();
  if (source === input.source) return { source: null, markers: [] };
  return { source, markers: newMarkers(input.source, source) };
};

export default zfbToPages;

function skip(reason: string): TransformResult {
  return { source: null, markers: [], skipped: reason };
}
