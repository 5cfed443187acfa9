/** Stand-in for `next/legacy/image`. */
export { default } from './image.js';
