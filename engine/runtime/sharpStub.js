// transformers.js requires the `sharp` image library at load time, but Cardwright only runs text models.
// The bundles alias `sharp` to this stub so the extension ships no image library (see esbuild.js).
module.exports = function sharp() {
  throw new Error('Image processing is not available in Cardwright.');
};
