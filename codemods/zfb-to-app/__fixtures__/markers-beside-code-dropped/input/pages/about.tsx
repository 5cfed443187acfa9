// A static page: zfb renders it once, with no paths().
export const title = 'About'; /* @zfb-next-todo: <Team> is an async component: zfb awaits only the page function, so under preact it renders nothing; not hoisted because it is rendered 2 times; the hoist handles one use: await its data in the page (or paths() props) and pass it down */
async function Team() {
  const team = await fetchTeam();
  return <p>{team.length}</p>;
}

/* @zfb-next-todo: Next rendered this page inside app/layout.tsx; zfb has no layouts: import them here and wrap the page (zfb writes only what the page renders, <html> included) */ export default function About() {
  return (
    <div>
      <Team />
      <Team />
    </div>
  );
}
