/**
 * The browser side of an app-router page: the page's React Server Components payload (inlined by the server
 * in `self.__zfb_f`) becomes the element tree again, with each client reference loaded from its chunk
 * (`__webpack_chunk_load__` imports the chunk, `__webpack_require__` hands out its exports), and React
 * hydrates the document with it. Bundled by render/client-bundles.ts with Next's own React.
 */
import './app-client-globals.js';
import { createElement, use } from 'react';
import { hydrateRoot } from 'react-dom/client';

import { createFromReadableStream } from 'react-server-dom-webpack/client';

const payload = ((globalThis as Record<string, unknown>).__zfb_f as string | undefined) ?? '';
const stream = new ReadableStream<Uint8Array>({
  start(controller) {
    controller.enqueue(new TextEncoder().encode(payload));
    controller.close();
  },
});
const tree = createFromReadableStream(stream) as Promise<unknown>;

function Root() {
  return use(tree) as ReturnType<typeof createElement>;
}

hydrateRoot(document, createElement(Root), {
  onRecoverableError(error: unknown) {
    console.error(error);
  },
});
