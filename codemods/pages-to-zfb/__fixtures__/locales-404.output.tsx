export async function getStaticProps() {
  return { props: { title: 'Not found' } };
}

export default function NotFound({ title }) {
  return <h1>{title}</h1>;
}
