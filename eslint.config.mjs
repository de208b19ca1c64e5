// ESLint (flat config): Next's core-web-vitals and TypeScript rules, which include the React
// hooks rules (eslint-plugin-react-hooks "recommended", React Compiler checks included).
// `npm run lint` runs it with --max-warnings=0: a warning fails the lint stage of `npm test`.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import reactHooks from "eslint-plugin-react-hooks";

const config = [
  ...nextVitals,
  ...nextTs,
  // The hooks rules at the versions pinned in package.json, stated here so that a change of
  // eslint-config-next cannot drop them silently.
  { rules: { ...reactHooks.configs.recommended.rules } },
  {
    rules: {
      // `_name` marks a parameter or binding kept on purpose (e.g. a destructured field left out).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Tests hold no React components: Playwright's fixture callback `use` and helpers named
    // use… (e.g. useServerFiles) are not hooks, and the hooks rules misread them.
    files: ["tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  { ignores: ["lib/generated/**", ".next/**", "node_modules/**", "test-results/**", "playwright-report/**", ".data/**", "next-env.d.ts"] },
];

export default config;
