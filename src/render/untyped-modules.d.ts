// Modules the render bundles import that have no type declarations here (Next's compiled copies, and
// react-dom's entry points without @types/react-dom). Their real shapes are described where they are used.
declare module 'react-dom/client';
declare module 'react-dom/server';
declare module 'react-server-dom-webpack/client';
declare module 'react-server-dom-webpack/server';
