/**
 * A zfb page.
 */
import data from "../../data/posts.json"   // double quotes kept

// the list zfb builds
async function paths ( ) {
    return data.map( p => ( { params : { slug : p.slug } } ) )   // four spaces
}

let zfbEntries: Promise<Awaited<ReturnType<typeof paths>>> | undefined;

/** zfb's paths() list, computed once per build process. */
function loadEntries() {
    zfbEntries ??= Promise.resolve(paths());
    return zfbEntries;
}

/** The paths() entry a URL was built from, found by its params. */
async function entryFor(params: Record<string, any>): Promise<any> {
    const entries = await loadEntries();
    return entries.find((entry: any) => entry.params.slug === params.slug);
}

/** zfb builds only the URLs paths() lists, so every other URL is a 404 here too. */
export async function getStaticPaths() {
    const entries = await loadEntries();
    return { paths: entries.map((entry: any) => ({ params: entry.params })), fallback: false };
}

/** The component gets what zfb gives it: the entry's params with its props spread beside them. */
export async function getStaticProps({ params }: { params?: Record<string, any> }) {
    const entry = await entryFor(params ?? {});
    if (!entry) return { notFound: true };
    return { props: { params: entry.params, ...entry.props } };
}

export default function Post ({ params }) { return <p>{ params.slug }</p> }
