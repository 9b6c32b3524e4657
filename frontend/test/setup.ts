// Lit's development build warns once that it is in dev mode; the tests keep its checks.
(globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings = new Set(["dev-mode"]);
