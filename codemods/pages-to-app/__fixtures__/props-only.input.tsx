import type { GetStaticProps, InferGetStaticPropsType } from 'next';

export const getStaticProps = (async () => {
  const team = await fetch('https://api.example.com/team').then((r) => r.json());
  return { props: { team }, revalidate: false };
}) satisfies GetStaticProps;

export default function About({ team }: InferGetStaticPropsType<typeof getStaticProps>) {
  return <ul>{team.map((m: { name: string }) => <li key={m.name}>{m.name}</li>)}</ul>;
}
