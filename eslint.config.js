// ESLint: JavaScript's and typescript-eslint's recommended rules, with type information from tsconfig.json.
// Formatting is Prettier's job: eslint-config-prettier turns off the rules that would fight it.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  { ignores: ["node_modules/", "coverage/", "bench/out/", "data/", "tests/fixtures/"] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["*.js", "bin/*.js", "src/archive/*.mjs"] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // An async method that implements a Promise-returning interface (SQLite's store, a command) may finish synchronously.
      "@typescript-eslint/require-await": "off",
      // `const { dropped, ...rest } = o` is how a field is left out of a copy.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  {
    files: ["tests/**"],
    rules: {
      // Tests and the platform fakes read Slack's and Discord's JSON as the platforms send it: untyped.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      // ...and stringify what the clients send them (Buffers, form fields) and what the bot posted.
      "@typescript-eslint/no-base-to-string": "off",
      "@typescript-eslint/restrict-template-expressions": "off",
    },
  },
  // Plain JavaScript files are outside tsconfig.json: checked without type information, as Node scripts.
  {
    files: ["**/*.js", "**/*.mjs"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: "readonly", console: "readonly", setTimeout: "readonly", URL: "readonly" } },
  },
  prettier,
);
