// Only the viewport is still exported; the metadata object became a plain local on zfb.
/* @zfb-next-todo: zfb has no metadata API: render <title> and <meta> in the page <head> */
const metadata = { title: 'About' };

/* @zfb-next-todo: zfb has no viewport API: render the <meta name="viewport"> in the page <head> */
export const viewport = { width: 'device-width' };

export default function About() {
  return <h1>{metadata.title}</h1>;
}
