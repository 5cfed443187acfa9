export default function About() {
  return (
    <main>
      <a href="/blog">Blog</a>
    </main>
  );
}
