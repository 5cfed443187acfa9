/* @zfb-next-todo: getStaticProps comes from '../lib/team': zfb calls it with no argument (Next passed { locales: [], locale: undefined, defaultLocale: undefined, revalidateReason: 'build' }), and the zfb build fails ("getStaticProps() for "/team" must return { props: {...} }") unless it returns { props }: check it */
export { getStaticProps } from '../lib/team';

export default function Team({ members }) {
  return <ul>{members.map((m) => <li key={m}>{m}</li>)}</ul>;
}
