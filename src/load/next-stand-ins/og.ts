/** Stand-in for `next/og`. */
export { ImageResponse } from './server.js';
