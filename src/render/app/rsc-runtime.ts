/**
 * The server-component half's runtime, bundled with the `rsc` layer (react-server builds of Next's React):
 * the React the server tree is made of, and the Flight renderer that serialises it.
 */
import * as React from 'react';

export { React };

export { renderToPipeableStream } from 'react-server-dom-webpack/server';
