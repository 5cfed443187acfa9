export function paths() {
  return [
    { params: { slug: 'guide/install' }, props: { title: 'Install' } },
    { params: { slug: ['api', 'config'] }, props: { title: 'Config' } },
  ];
}

export default function Doc({ title }: { title: string }) {
  return <h1>{title}</h1>;
}
