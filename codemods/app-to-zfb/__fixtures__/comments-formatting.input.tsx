// Blog post, app router.
import {getPost} from "../../../lib/posts"   // kept as written

/* Every slug. */
export async function generateStaticParams( ) {
    return [ { slug : "alpha" } ]   // four spaces, no semicolons
}

export const dynamicParams = false

export default async function Page ({ params } : { params : Promise<{ slug : string }> }) {
    const { slug } = await params
    return <h1>{ (await getPost(slug)).title }</h1>
}
