// A static page: zfb renders it once, with no paths().
export const title = 'About';
async function Team() {
  const team = await fetchTeam();
  return <p>{team.length}</p>;
}

export default function About() {
  return (
    <div>
      <Team />
      <Team />
    </div>
  );
}
