/**
 * The wording of app-to-zfb's markers that zfb-to-app recognises again (codemods/zfb-to-app/stale-markers.ts):
 * each text is written and read here, so the two cannot drift apart.
 */

/** Route segment config and metadata exports zfb reads none of, with what to do instead. */
export const SEGMENT_CONFIG_ADVICE: Record<string, string> = {
  revalidate: 'revalidate: zfb is static only; this page changes only when the site is rebuilt',
  generateMetadata: 'zfb has no metadata API: render <title> and <meta> in the page <head>',
  metadata: 'zfb has no metadata API: render <title> and <meta> in the page <head>',
  generateViewport: 'zfb has no viewport API: render the <meta name="viewport"> in the page <head>',
  viewport: 'zfb has no viewport API: render the <meta name="viewport"> in the page <head>',
};

/** The exports among them whose meaning any app page gives back. */
export const METADATA_EXPORTS = ['generateMetadata', 'metadata', 'generateViewport', 'viewport'] as const;

const LAYOUTS = /^Next rendered this page inside (.+); zfb has no layouts: import them here and wrap the page \(zfb writes only what the page renders, <html> included\)$/;

export function layoutsMarker(files: readonly string[]): string {
  return `Next rendered this page inside ${files.join(', ')}; zfb has no layouts: import them here and wrap the page (zfb writes only what the page renders, <html> included)`;
}

/** The layout files a layouts marker names, or undefined for any other reason. */
export function layoutsNamedBy(reason: string): string[] | undefined {
  return LAYOUTS.exec(reason)?.[1]!.split(', ');
}

const NOT_HOISTED = /^<[^>]+> is an async component: zfb awaits only the page function, so under preact it renders nothing; not hoisted because .+: await its data in the page \(or paths\(\) props\) and pass it down$/;

export function notHoistedMarker(name: string, rule: string): string {
  return `<${name}> is an async component: zfb awaits only the page function, so under preact it renders nothing; not hoisted because ${rule}: await its data in the page (or paths() props) and pass it down`;
}

export function isNotHoistedMarker(reason: string): boolean {
  return NOT_HOISTED.test(reason);
}
