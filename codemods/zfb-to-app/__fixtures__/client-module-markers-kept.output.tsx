'use client';

/* @zfb-next-todo: zfb has no metadata API: render <title> and <meta> in the page <head> */
export const metadata = { title: 'About' };

/* @zfb-next-todo: <Team> is an async component: zfb awaits only the page function, so under preact it renders nothing; not hoisted because it is rendered 2 times; the hoist handles one use: await its data in the page (or paths() props) and pass it down */
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
