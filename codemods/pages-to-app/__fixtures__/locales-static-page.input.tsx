import { messages } from '../lib/messages';

export async function getStaticProps({ locale }) {
  return { props: { title: messages[locale].about } };
}

export default function About({ title }) {
  return <h1>{title}</h1>;
}
