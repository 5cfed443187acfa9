export function generateStaticParams() {
  return [{ id: '1' }, { id: '2' }];
}

export default function Layout({ children }) {
  return <div>{children}</div>;
}
