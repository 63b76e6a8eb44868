// One bundler for the whole project.
//   node esbuild.js            bundles dist/client.js, dist/server.js, dist/cli.js
//   node esbuild.js --tests    also transpiles tests and benches to out/ (one file per source, no bundling)
//   node esbuild.js --production  minified bundles without source maps (used by `npm run package`)
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');

// The ML runtime has native binaries and must stay a real node_modules dependency.
const runtimeExternals = ['@huggingface/transformers', 'onnxruntime-node', 'onnxruntime-common', 'sharp'];

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  loader: { '.json': 'json' },
};

function listTs(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      out.push(...listTs(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out;
}

async function main() {
  const started = Date.now();
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: ['server/main.ts'], outfile: 'dist/server.js', external: runtimeExternals }),
    esbuild.build({
      ...common,
      entryPoints: ['cli/main.ts'],
      outfile: 'dist/cli.js',
      external: runtimeExternals,
      banner: { js: '#!/usr/bin/env node' },
    }),
  ]);
  if (withTests) {
    const sources = ['core', 'server', 'cli', 'protocol', 'test', 'bench'].flatMap(listTs)
      .filter((f) => !f.startsWith(path.join('test', 'e2e', 'inhost')));
    await esbuild.build({
      entryPoints: sources,
      outdir: 'out',
      outbase: '.',
      bundle: false,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: 'inline',
      logLevel: 'warning',
    });
  }
  fs.chmodSync('dist/cli.js', 0o755);
  console.log(`esbuild: built in ${Date.now() - started} ms`);
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
