/**
 * The HTML half's runtime, bundled with the `ssr` layer (Next's ordinary React build): the Flight client
 * that turns the server tree's payload back into elements (client components loaded through
 * `__next_require__`), and React DOM's server renderer.
 */
import * as React from 'react';

export { React };
export { renderToPipeableStream } from 'react-dom/server';

export { createFromNodeStream } from 'react-server-dom-webpack/client';
