import { CallGuard, faultCode } from '../load/call-guard.js';
import { AppRenderer } from './app-router.js';
import { ComponentError } from './html.js';
import { PagesRenderer } from './pages-router.js';
import type { RenderJob, RenderManifest, RenderOutcome } from './types.js';

/**
 * The renderer as a library: `openRenderer(manifest)` once per process, then `render(job)` for one URL of
 * one project at a time or several at once (each render runs in its own async context, see
 * load/next-stand-ins/render-context.ts). It holds no global state of its own: everything lives in the
 * object returned, built from the manifest that `prepareRender` (render/prepare.ts) wrote. Used by
 * `zfb-next build`; meant for `migrate --verify` and a zfb plugin too.
 *
 * Errors are values: a page that throws, a data function that times out, a getStaticProps result Next
 * would refuse, each comes back as `{ kind: 'failed' }` naming the URL, the file, the function and, for
 * React render errors, the component stack.
 */
export interface SiteRenderer {
  /** Loads what every page needs (`_app`, `_document`, the root layout); throws when one is broken. */
  check(): Promise<void>;
  render(job: RenderJob): Promise<RenderOutcome>;
}

const RENDER_GRACE_MS = 1_000;

export function openRenderer(manifest: RenderManifest, guard = new CallGuard(manifest.site.limitMs)): SiteRenderer {
  const pages = manifest.pages ? new PagesRenderer(manifest, manifest.pages, guard) : undefined;
  const app = manifest.app ? new AppRenderer(manifest, manifest.app, guard) : undefined;
  return {
    async check() {
      await pages?.check();
      await app?.check();
    },
    async render(job) {
      try {
        const renderer = job.route.origin === 'next-app' ? app : pages;
        if (!renderer) throw new Error(`no ${job.route.origin === 'next-app' ? 'app' : 'pages'} router in this build`);
        // The whole render is one guarded call: a page whose data never arrives is named after the time limit.
        // A data function inside the render has the same limit and is named first when it is the one stuck.
        return await guard.run({ file: job.route.file || job.route.pattern, function: 'render', route: job.entry.url }, () => renderer.render(job), guard.limitMs + RENDER_GRACE_MS);
      } catch (error) {
        return { kind: 'failed', failure: describeFailure(job, error) };
      }
    },
  };
}

function describeFailure(job: RenderJob, error: unknown): Extract<RenderOutcome, { kind: 'failed' }>['failure'] {
  const cause = error instanceof ComponentError ? error.cause : error;
  const message = cause instanceof Error ? cause.message : String(cause);
  const failure: Extract<RenderOutcome, { kind: 'failed' }>['failure'] = {
    code: faultCode(cause) ?? (error instanceof ComponentError ? 'RENDER_COMPONENT' : 'RENDER_ERROR'),
    url: job.entry.url,
    file: job.route.file,
    message,
  };
  // React's frames carry the temporary bundle's location, which says nothing to the user: names only.
  if (error instanceof ComponentError && error.componentStack) {
    failure.componentStack = error.componentStack
      .split('\n')
      .map((line) => line.replace(/\s+\([^)]*\)\s*$/, '').trim())
      .filter(Boolean)
      .join('\n');
  }
  if (cause instanceof Error && cause.stack) failure.stack = cause.stack;
  return failure;
}

export type { RenderJob, RenderManifest, RenderOutcome } from './types.js';
