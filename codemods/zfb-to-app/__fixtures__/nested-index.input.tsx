import { site } from '../../lib/site';

export default function BlogIndex() {
  return <h1>{site.name}</h1>;
}
