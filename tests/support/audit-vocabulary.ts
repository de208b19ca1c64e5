// Reads every `record(tx, viewer, { action, entity, before, after })` call under lib/ with the
// TypeScript checker and lists what it can write into the audit log: the entity types, the
// action codes and the field names of before/after (through spreads, helper functions and
// variables, as their types say; nested objects' fields too). Used by
// tests/unit/audit-vocabulary.test.ts: every one of them needs a Vietnamese label.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export interface AuditVocabulary {
  /** Files with at least one record(...) call. */
  files: string[];
  calls: number;
  entities: Map<string, string[]>;
  actions: Map<string, string[]>;
  /** field name → where ("lib/x.ts:12 before"). */
  fields: Map<string, string[]>;
  /** Calls whose entity or action the checker could not reduce to string literals. */
  unresolved: string[];
}

function libFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (p.includes(`${path.sep}generated`)) return [];
    return statSync(p).isDirectory() ? libFiles(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}

/** Which lib files write audit rows (they import lib/audit/record). */
export function auditWriters(root = process.cwd()): string[] {
  return libFiles(path.join(root, "lib")).filter((f) => !f.endsWith(path.join("audit", "record.ts")) && /from "(\.\.?\/)+(audit\/)?record"|from "@\/lib\/audit\/record"|from "\.\.\/audit\/record"/.test(readFileSync(f, "utf8")));
}

const add = (m: Map<string, string[]>, k: string, where: string) => m.set(k, [...(m.get(k) ?? []), where]);

/** The string literal values a type can take, or null when it is a wider string. */
function literals(t: ts.Type): string[] | null {
  if (t.isUnion()) {
    const all = t.types.map(literals);
    return all.some((x) => x === null) ? null : all.flat() as string[];
  }
  if (t.isStringLiteral()) return [t.value];
  if (t.flags & ts.TypeFlags.TemplateLiteral) return null;
  return null;
}

/** `plan.${input.action}` expanded over the literal types of each hole. */
function templateValues(e: ts.Expression, checker: ts.TypeChecker): string[] | null {
  if (ts.isStringLiteralLike(e)) return [e.text];
  if (ts.isTemplateExpression(e)) {
    let out = [e.head.text];
    for (const span of e.templateSpans) {
      const vals = literals(checker.getTypeAtLocation(span.expression));
      if (!vals) return null;
      out = out.flatMap((o) => vals.map((v) => o + v + span.literal.text));
    }
    return out;
  }
  return literals(checker.getTypeAtLocation(e));
}

const LEAF = new Set(["Date", "Decimal", "Uint8Array", "Buffer", "Array", "ReadonlyArray", "JsonValue", "InputJsonValue"]);

/** Declared in the app's own sources (not a library's or the generated Prisma client's type). */
function ownType(t: ts.Type): boolean {
  const decl = t.getSymbol()?.declarations?.[0] ?? t.aliasSymbol?.declarations?.[0];
  if (!decl) return true; // an anonymous object literal type
  const f = decl.getSourceFile().fileName;
  return !/node_modules|[\\/]generated[\\/]/.test(f);
}

/**
 * Property names of an object type (and of nested plain objects), skipping Dates, arrays,
 * primitives and methods. A snapshot may be a generated model type (its columns); nested values
 * are followed only into the app's own object types (not Prisma's update operators, Decimal…).
 */
function fieldsOf(t: ts.Type, checker: ts.TypeChecker, depth = 0): string[] {
  if (depth > 3) return [];
  if (t.isUnion()) return [...new Set(t.types.flatMap((x) => fieldsOf(x, checker, depth)))];
  if (!(t.flags & ts.TypeFlags.Object)) return [];
  const name = t.getSymbol()?.getName() ?? "";
  if (LEAF.has(name) || checker.isArrayType(t) || checker.isTupleType(t)) return [];
  if (depth > 0 && !ownType(t)) return [];
  if (checker.getSignaturesOfType(t, ts.SignatureKind.Call).length) return [];
  const out: string[] = [];
  for (const p of checker.getPropertiesOfType(t)) {
    if (p.flags & ts.SymbolFlags.Method || /^(#|__@)/.test(p.getName())) continue;
    out.push(p.getName());
    const decl = p.valueDeclaration ?? p.declarations?.[0];
    if (!decl) continue;
    const pt = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(p, decl));
    out.push(...fieldsOf(pt, checker, depth + 1));
  }
  return out;
}

export function scanAuditVocabulary(root = process.cwd()): AuditVocabulary {
  const files = auditWriters(root);
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    jsx: ts.JsxEmit.ReactJSX,
    baseUrl: root,
    paths: { "@/*": ["./*"] },
    types: [],
  });
  const checker = program.getTypeChecker();
  const v: AuditVocabulary = { files: [], calls: 0, entities: new Map(), actions: new Map(), fields: new Map(), unresolved: [] };
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) continue;
    const rel = path.relative(root, file).split(path.sep).join("/");
    let found = false;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "record" && node.arguments.length === 3 && ts.isObjectLiteralExpression(node.arguments[2])) {
        found = true;
        v.calls++;
        const where = `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        for (const prop of node.arguments[2].properties) {
          let key: string;
          let value: ts.Expression;
          if (ts.isPropertyAssignment(prop) && ts.isIdentifier(prop.name)) [key, value] = [prop.name.text, prop.initializer];
          else if (ts.isShorthandPropertyAssignment(prop)) [key, value] = [prop.name.text, prop.name];
          else continue;
          if (key === "entity" || key === "action") {
            const vals = templateValues(value, checker);
            if (!vals) v.unresolved.push(`${where} ${key}`);
            else for (const x of vals) add(key === "entity" ? v.entities : v.actions, x, where);
          } else if (key === "before" || key === "after") {
            const t = checker.getNonNullableType(checker.getTypeAtLocation(value));
            for (const f of new Set(fieldsOf(t, checker))) add(v.fields, f, `${where} ${key}`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    if (found) v.files.push(rel);
  }
  return v;
}
