// Stands in for the "server-only" package under Vitest (see vitest.config.ts): the real one
// throws outside React Server Components, which would stop server code from loading in tests.
export {};
