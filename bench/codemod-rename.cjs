// The jscodeshift side of `bench/codemod.mjs`: the comparable rename getStaticPaths → generateStaticParams.
module.exports = function rename(file, api) {
  const j = api.jscodeshift;
  const root = j(file.source);
  const found = root.find(j.Identifier, { name: 'getStaticPaths' });
  if (found.size() === 0) return undefined;
  found.forEach((p) => {
    p.node.name = 'generateStaticParams';
  });
  return root.toSource();
};
module.exports.parser = 'tsx';
