// How `npm run lint`'s dependency check (.dependency-cruiser.cjs) resolves WXT's `@/` alias.
const path = require('node:path');

module.exports = { resolve: { alias: { '@': path.resolve(__dirname, '..') } } };
