// node-polyglot (the messages) asks for the `object.entries` polyfill, which brings a dozen
// ECMAScript-internals packages to the login page; every browser the console supports has
// Object.entries, so the build gives it the native one (alias in admin/vite.config.ts).
module.exports = Object.entries;
