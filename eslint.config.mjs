// ESLint: Next.js core-web-vitals and TypeScript rules, with generated code left out, and the
// house's import rules: app → components → lib, Prisma only in lib/db, private folders kept private.
import path from "node:path";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";

const ROOT = import.meta.dirname;

// Each pattern matches the import as written, aliased ("@/lib/db/client") or relative ("../db/client").
const PRISMA = "Prisma stays in lib/db: call its query functions (lib/db/<entity>.ts) or a core operation in lib/.";
const prismaPatterns = [
  { regex: "^@prisma/client(/|$)", message: PRISMA },
  { regex: "(^|/)db/client$", message: PRISMA },
];
const generatedTypes = { regex: "(^|/)db/generated(/|$)", message: PRISMA };
const lowerLayers = (layers, rule) => ({
  regex: `^(@/|(\\.\\./)+)(${layers})(/|$)`,
  message: `Imports run app → components → lib: ${rule}. Move what both need into lib/.`,
});

/** The restricted imports of one area, in one rule entry (a later entry would replace, not add to, it). */
const restricted = (...patterns) => ({
  "@typescript-eslint/no-restricted-imports": ["error", { patterns }],
});

/**
 * A route's private folders (_components, _lib …) serve that route segment and the segments below
 * it. A sibling or cousin that needs the same piece means it belongs in a common ancestor's folder,
 * or in components/.
 */
const privateFolders = {
  meta: {
    type: "problem",
    docs: { description: "A route imports only its own or an ancestor segment's private folders." },
    schema: [],
    messages: {
      foreign:
        "{{target}} is private to {{owner}}/: import it only from there or below. Move it to a common ancestor's " +
        "private folder or to components/.",
    },
  },
  create(context) {
    const importer = path
      .relative(ROOT, context.physicalFilename ?? context.filename)
      .split(path.sep)
      .join("/");
    if (!importer.startsWith("app/")) return {};
    function check(node) {
      const source = node.source && node.source.type === "Literal" ? node.source.value : null;
      if (typeof source !== "string") return;
      let target;
      if (source.startsWith("@/")) target = source.slice(2);
      else if (source.startsWith(".")) target = path.posix.join(path.posix.dirname(importer), source);
      else return;
      const segments = target.split("/");
      const at = segments.findIndex((segment) => segment.startsWith("_"));
      if (at < 0 || segments[0] !== "app") return;
      const owner = segments.slice(0, at).join("/");
      if (!importer.startsWith(`${owner}/`)) {
        context.report({
          node: node.source,
          messageId: "foreign",
          data: { target: segments.slice(0, at + 1).join("/"), owner },
        });
      }
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".data/**",
      "node_modules/**",
      "lib/db/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      ".playwright/**",
    ],
  },
  {
    // CommonJS preload hooks must use require().
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // jsx-a11y's recommended rules. Only its rules: eslint-config-next already registers the
    // plugin (as its own copy of the module object), and flat config refuses a second, different
    // object under the same plugin name ("Cannot redefine plugin").
    name: "jsx-a11y/recommended rules",
    files: ["**/*.{jsx,tsx}"],
    rules: jsxA11y.flatConfigs.recommended.rules,
  },
  {
    name: "roomful/imports: app",
    files: ["app/**/*.{ts,tsx,js,jsx,mjs}"],
    plugins: { roomful: { rules: { "private-folders": privateFolders } } },
    rules: { ...restricted(...prismaPatterns, generatedTypes), "roomful/private-folders": "error" },
  },
  {
    name: "roomful/imports: components",
    files: ["components/**/*.{ts,tsx,js,jsx,mjs}"],
    rules: restricted(lowerLayers("app", "components/ may not import app/"), ...prismaPatterns, generatedTypes),
  },
  {
    name: "roomful/imports: lib",
    files: ["lib/**/*.{ts,tsx,js,jsx,mjs}"],
    ignores: ["lib/db/**"],
    rules: restricted(
      lowerLayers("components|app", "lib/ may not import components/ or app/"),
      ...prismaPatterns,
      // The schema's enums (roles, token kinds) are the domain's vocabulary: lib/ may name them as
      // types. Rows, the client and values stay in lib/db.
      { regex: "(^|/)db/generated/prisma/enums$", allowTypeImports: true, message: PRISMA },
      { regex: "(^|/)db/generated/(?!prisma/enums$)", message: PRISMA },
    ),
  },
  {
    // The metrics read the client's connection pool: infrastructure, not queries. Everything else goes through lib/db.
    name: "roomful/imports: lib infrastructure that holds the client",
    files: ["lib/observability/metrics.ts"],
    rules: restricted(
      lowerLayers("components|app", "lib/ may not import components/ or app/"),
      { regex: "^@prisma/client(/|$)", message: PRISMA },
      { regex: "(^|/)db/generated(/|$)", message: PRISMA },
    ),
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Prettier wraps code at 120 but leaves comments and long literals alone; this holds them too.
      "max-len": [
        "error",
        {
          code: 120,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
    },
  },
];

export default config;
