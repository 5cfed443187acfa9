import type { InferGetStaticPropsType } from 'next';

const revalidate = 3600;

export async function getStaticProps() {
  const team = await fetch('https://api.example.com/team').then((r) => r.json());
  return { props: { team }, revalidate };
}

export default function About({ team }: InferGetStaticPropsType<typeof getStaticProps>) {
  return (
    <ul>
      {team.map((m: { name: string }) => (
        <li key={m.name}>{m.name}</li>
      ))}
    </ul>
  );
}
