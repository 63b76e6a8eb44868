// libphonenumber-js checks a number against its metadata's patterns with a helper that builds a
// new RegExp from the pattern text on every call (matchesEntirely.js): most of the time of a phone
// check went into building and looking up those RegExps. The bundles resolve that helper to this
// file (see esbuild.js), which builds each RegExp once. Same contract: true when the whole text
// matches the pattern. The patterns come from the library's metadata, a fixed set, but the cache
// is bounded anyway.
'use strict';

const MAX_PATTERNS = 4096;
const compiled = new Map();

function matchesEntirely(text, regularExpressionText) {
  let pattern = compiled.get(regularExpressionText);
  if (pattern === undefined) {
    if (compiled.size >= MAX_PATTERNS) compiled.clear();
    pattern = new RegExp('^(?:' + regularExpressionText + ')$');
    compiled.set(regularExpressionText, pattern);
  }
  // Without the g or y flag, test() keeps no state between calls.
  return pattern.test(text || '');
}

module.exports = matchesEntirely;
module.exports.default = matchesEntirely;
