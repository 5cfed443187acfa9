// Blog post, app router.
import {getPost} from "../../lib/posts"   // kept as written

/* Every slug. */
async function generateStaticParams( ) {
    return [ { slug : "alpha" } ]   // four spaces, no semicolons
}

/**
 * The URLs zfb builds: the params sets of generateStaticParams, checked the way Next checks them.
 */
export async function paths() {
    const sets: Record<string, any>[] = await generateStaticParams();
    // Next builds none of the route's URLs when one params set lacks a key.
    if (sets.some((set) => !('slug' in set))) return [];
    const seen = new Set<string>();
    const entries = [];
    for (const set of sets) {
        const params = { slug: set.slug };
        // Next drops a params set with an empty value.
        if (!params.slug) continue;
        const key = JSON.stringify(params);
        // Next keeps the first of two equal sets; zfb would skip the whole route over a duplicate.
        if (seen.has(key)) continue;
        seen.add(key);
        entries.push({ params });
    }
    return entries;
}

export default async function Page ({ params } : { params : { slug : string } }) {
    const { slug } = params
    return <h1>{ (await getPost(slug)).title }</h1>
}
