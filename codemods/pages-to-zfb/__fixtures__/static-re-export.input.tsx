export { getStaticProps } from '../lib/team';

export default function Team({ members }) {
  return <ul>{members.map((m) => <li key={m}>{m}</li>)}</ul>;
}
