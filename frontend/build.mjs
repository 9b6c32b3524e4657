// Build the card into one minified ES module, the file the integration serves:
//
//   node build.mjs            # write custom_components/mtor_balance/www/mtor-balance-card.js
//   node build.mjs --check    # build to a temporary file; fail if it differs from that file
//
// The build is reproducible: the same sources and package-lock.json give the same bytes
// (esbuild is deterministic; no timestamps, paths or source maps go into the bundle).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const target = resolve(here, "../custom_components/mtor_balance/www/mtor-balance-card.js");
const check = process.argv.includes("--check");

async function bundle(outfile) {
  await build({
    entryPoints: [join(here, "src/mtor-balance-card.ts")],
    outfile,
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["es2021"],
    minify: true,
    legalComments: "none",
    charset: "utf8",
    sourcemap: false,
    metafile: false,
    logLevel: "warning",
    absWorkingDir: here,
    banner: {
      js: "// mTOR Balance kitchen card. Built from frontend/ (npm run build); do not edit.",
    },
  });
}

if (check) {
  const dir = mkdtempSync(join(tmpdir(), "mtor-balance-card-"));
  try {
    const fresh = join(dir, "mtor-balance-card.js");
    await bundle(fresh);
    let committed;
    try {
      committed = readFileSync(target);
    } catch {
      committed = Buffer.alloc(0);
    }
    if (!readFileSync(fresh).equals(committed)) {
      console.error(
        "check-bundle: custom_components/mtor_balance/www/mtor-balance-card.js is not the " +
          "build of frontend/; run `scripts/card build` and commit the result.",
      );
      process.exit(1);
    }
    console.log("check-bundle: the committed bundle is the build of the sources");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  await bundle(target);
  const size = readFileSync(target).length;
  console.log(`build: ${target} (${size} bytes)`);
}
