export const revalidate = 3600;

export default async function About() {
  const team = await fetch('https://api.example.com/team').then((r) => r.json());
  return (
    <ul>
      {team.map((m: { name: string }) => (
        <li key={m.name}>{m.name}</li>
      ))}
    </ul>
  );
}
