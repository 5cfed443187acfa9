/**
 * Blog post page.
 */
import   {getPost}   from "../../lib/posts"  // double quotes, odd spacing: kept as written

// Every slug we publish.
export async function getStaticPaths ( ) {
    // four-space indentation stays
    return {
        paths : [ { params : { slug : "alpha" } } ],   // trailing comment
        fallback : false
    }
}

/* props for one post */
export async function getStaticProps ({ params }) {
    return { props : { post : await getPost(params.slug) } }
}

export default function Post ({ post }) { return <h1>{ post.title }</h1> }
