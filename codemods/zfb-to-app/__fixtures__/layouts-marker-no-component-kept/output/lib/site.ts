export const site = { name: 'Example', docs: ['intro', 'setup'] };
