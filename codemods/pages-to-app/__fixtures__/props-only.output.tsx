const getPageProps = (async () => {
  const team = await fetch('https://api.example.com/team').then((r) => r.json());
  return { team };
});

export const revalidate = false;

export default async function About() {
  const { team } = await getPageProps();
  return <ul>{team.map((m: { name: string }) => <li key={m.name}>{m.name}</li>)}</ul>;
}
