/**
 * Blog post page.
 */
import   {getPost}   from "../../lib/posts"  // double quotes, odd spacing: kept as written

// Every slug we publish.
async function getStaticPaths ( ) {
    // four-space indentation stays
    return {
        paths : [ { params : { slug : "alpha" } } ],   // trailing comment
        fallback : false
    }
}

/* props for one post */
async function getStaticProps ({ params }) {
    return { props : { post : await getPost(params.slug) } }
}

/**
 * The URLs zfb builds: the entries of getStaticPaths, each with the props getStaticProps gives it.
 * zfb serves nothing else (no fallback), and its component input is { params, ...props }.
 */
export async function paths() {
    const { paths: listed } = await getStaticPaths({ locales: [], defaultLocale: undefined });
    const seen = new Set<string>();
    const entries = [];
    for (const path of listed) {
        const params = { slug: path.params.slug };
        const key = JSON.stringify(params);
        // Next keeps the first entry for a URL; zfb would skip the whole route over a duplicate.
        if (seen.has(key)) continue;
        seen.add(key);
        const result = await getStaticProps({ params });
        // Without props Next answered with a 404 (notFound) or a redirect: zfb has neither, so the URL is left out.
        if (!('props' in result)) continue;
        entries.push({ params, props: await result.props });
    }
    return entries;
}

export default function Post ({ post }) { return <h1>{ post.title }</h1> }
