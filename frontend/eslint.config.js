// ESLint 9 (flat config) with typescript-eslint's type-checked rules.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
      globals: {
        window: "readonly",
        document: "readonly",
        navigator: "readonly",
        console: "readonly",
        process: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        customElements: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // Lit calls event listeners bound in templates (@click=${this.handler}) with the
      // element as `this`.
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/explicit-module-boundary-types": "off",
      eqeqeq: ["error", "always"],
      "no-console": ["error", { allow: ["log", "error"] }],
    },
  },
  {
    // The build and lint configurations run in Node.js, outside the typed card sources.
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["test/**/*.ts"],
    rules: {
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-explicit-any": "off",
      // Home Assistant's websocket rejects with plain error objects; the fakes do too.
      "@typescript-eslint/only-throw-error": "off",
      "@typescript-eslint/prefer-promise-reject-errors": "off",
    },
  },
);
