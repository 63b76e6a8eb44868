// One bundler for the whole project.
//   node esbuild.js            bundles dist/client.js, dist/server.js, dist/piiWorker.js, dist/cli.js
//   node esbuild.js --tests    also transpiles tests and benches to out/ (one file per source, no bundling)
//   node esbuild.js --production  minified bundles without source maps (used by `npm run package`)
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');

// onnxruntime-node has native binaries and stays a real module (copied next to the bundles for the
// .vsix, see copyRuntime). transformers.js itself is bundled; its `sharp` import (images, unused by
// Cardwright) is replaced by a stub so no image library ships.
const runtimeExternals = ['onnxruntime-node'];
const runtimeAlias = { sharp: './engine/runtime/sharpStub.js' };

// libphonenumber-js's matchesEntirely helper builds a RegExp on every call; the bundles use
// engine/runtime/matchesEntirely.js instead, which builds each one once (same results).
const phoneRegexCache = {
  name: 'phone-regex-cache',
  setup(build) {
    build.onResolve({ filter: /[\\/]matchesEntirely(\.js)?$/ }, (args) =>
      /[\\/]libphonenumber-js[\\/]/.test(args.importer) ? { path: path.resolve(__dirname, 'engine', 'runtime', 'matchesEntirely.js') } : undefined,
    );
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  loader: { '.json': 'json' },
  plugins: [phoneRegexCache],
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
    // Also the `cardwright-language-server` executable for other editors (hence the shebang).
    esbuild.build({
      ...common,
      entryPoints: ['server/main.ts'],
      outfile: 'dist/server.js',
      external: runtimeExternals,
      alias: runtimeAlias,
      banner: { js: '#!/usr/bin/env node' },
    }),
    // Detection worker threads, started by the server and the CLI from the same folder.
    esbuild.build({ ...common, entryPoints: ['engine/pii/piiWorker.ts'], outfile: 'dist/piiWorker.js', external: runtimeExternals, alias: runtimeAlias }),
    esbuild.build({
      ...common,
      entryPoints: ['cli/main.ts'],
      outfile: 'dist/cli.js',
      external: runtimeExternals,
      alias: runtimeAlias,
      banner: { js: '#!/usr/bin/env node' },
    }),
  ]);
  if (withTests) {
    const sources = ['core', 'engine', 'server', 'cli', 'protocol', 'client/webview', 'test', 'bench'].flatMap(listTs)
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
  fs.chmodSync('dist/server.js', 0o755);
  // The classifier sidebar loads the component library from the extension's own files.
  fs.mkdirSync(path.join('dist', 'webview'), { recursive: true });
  fs.copyFileSync(path.join('node_modules', '@vscode-elements', 'elements', 'dist', 'bundled.js'), path.join('dist', 'webview', 'bundled.js'));
  if (production) copyRuntime(targetOf(process.argv));
  // Development builds resolve onnxruntime-node from the project's node_modules.
  else fs.rmSync(path.join('dist', 'node_modules'), { recursive: true, force: true });
  console.log(`esbuild: built in ${Date.now() - started} ms`);
}

function targetOf(argv) {
  const flag = argv.find((arg) => arg.startsWith('--target='));
  return flag ? flag.slice('--target='.length) : `${process.platform}-${process.arch}`;
}

/**
 * Copies onnxruntime-node (only the target's native binaries) and onnxruntime-common into
 * dist/node_modules, where the bundled server and CLI resolve them inside the installed extension.
 */
function copyRuntime(target) {
  const [platform, arch] = target.split('-');
  const out = path.join('dist', 'node_modules');
  fs.rmSync(out, { recursive: true, force: true });
  const copy = (from, to) => fs.cpSync(from, to, { recursive: true, dereference: true });
  const ort = path.join('node_modules', 'onnxruntime-node');
  const binaries = path.join(ort, 'bin', 'napi-v6', platform, arch);
  if (!fs.existsSync(binaries)) throw new Error(`onnxruntime-node has no binaries for ${target}`);
  copy(path.join(ort, 'package.json'), path.join(out, 'onnxruntime-node', 'package.json'));
  copy(path.join(ort, 'dist'), path.join(out, 'onnxruntime-node', 'dist'));
  copy(binaries, path.join(out, 'onnxruntime-node', 'bin', 'napi-v6', platform, arch));
  copy(path.join('node_modules', 'onnxruntime-common'), path.join(out, 'onnxruntime-common'));
  console.log(`esbuild: runtime for ${target} copied to ${out}`);
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
