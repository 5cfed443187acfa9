import { Writable } from 'node:stream';

/** Helpers shared by the two routers' renderers. */

/** JSON inside a `<script>`: as Next's htmlEscapeJsonString (server/htmlescape.ts) escapes it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[&><\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The page a redirect leaves behind on a static host: Next's own static-export form for app router
 * redirects (`<meta id="__next-page-redirect" http-equiv="refresh">`), which browsers and crawlers follow.
 */
export function redirectHtml(location: string): string {
  const href = escapeAttribute(location);
  return `<!DOCTYPE html><html><head><meta charSet="utf-8"/><meta id="__next-page-redirect" http-equiv="refresh" content="0;url=${href}"/><link rel="canonical" href="${href}"/></head><body><a href="${href}">${href.replace(/&quot;/g, '"')}</a></body></html>`;
}

/** A render error with the component stack React reported for it. */
export class ComponentError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly componentStack: string | undefined,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

interface PipeableServer {
  renderToPipeableStream(
    element: unknown,
    options: {
      onAllReady?(): void;
      onShellError?(error: unknown): void;
      onError?(error: unknown, info?: { componentStack?: string }): string | void;
      bootstrapScriptContent?: string;
      bootstrapModules?: string[];
    },
  ): { pipe(destination: NodeJS.WritableStream): void; abort(reason?: unknown): void };
}

/**
 * Renders to HTML once every Suspense boundary has resolved (a static page has no second chance), as
 * next build's prerender waits for `allReady`. The first error thrown by a component fails the render,
 * with its component stack: `next build` fails the page the same way.
 */
export function renderToHtml(server: PipeableServer, element: unknown, options: { bootstrapScriptContent?: string; bootstrapModules?: string[] } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    let failure: ComponentError | undefined;
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
        callback();
      },
      final(callback) {
        callback();
        if (failure) reject(failure);
        else resolve(Buffer.concat(chunks).toString('utf8'));
      },
    });
    const stream = server.renderToPipeableStream(element, {
      ...options,
      onError(error, info) {
        failure ??= new ComponentError(error, info?.componentStack);
      },
      onShellError(error) {
        reject(failure ?? new ComponentError(error, undefined));
      },
      onAllReady() {
        stream.pipe(sink);
      },
    });
  });
}
