/**
 * A zfb page.
 */
import data from "../../data/posts.json"   // double quotes kept

// the list zfb builds
export async function paths ( ) {
    return data.map( p => ( { params : { slug : p.slug } } ) )   // four spaces
}

export default function Post ({ params }) { return <p>{ params.slug }</p> }
