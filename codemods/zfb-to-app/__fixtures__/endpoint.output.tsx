export function paths() {
  return [];
}

export default function Sitemap() {
  return '<urlset></urlset>';
}
