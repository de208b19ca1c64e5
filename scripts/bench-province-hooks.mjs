// Module hooks for the province bench (scripts/bench-province.ts), which runs the app's server code
// in plain Node (with tsx) rather than inside Next: `import "server-only"` becomes an empty module
// (as tests/support/empty.ts does for Vitest), and next-auth's CommonJS providers get the default
// export a bundler would give them. Nothing else is changed.
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export{}", shortCircuit: true };
  if (specifier.startsWith("next-auth/providers/") && !String(context.parentURL).startsWith("data:")) {
    const real = await next(specifier, context);
    const src = "import m from " + JSON.stringify(real.url) + "; export default (m && m.default) || m;";
    return { url: "data:text/javascript," + encodeURIComponent(src), shortCircuit: true };
  }
  return next(specifier, context);
}`;
register("data:text/javascript," + encodeURIComponent(hooks));
