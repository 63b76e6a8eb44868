// File names for e2e screenshots and console logs, made from test titles.
'use strict';

/** Most characters kept: with `.console.txt` added, well under the 255 bytes a file name may have. */
const MAX_LENGTH = 180;

/** A file-name-safe form of a test title: whole, or cut at a word boundary when very long (never mid-word). */
function slug(title, max = MAX_LENGTH) {
  const full = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (full.length <= max) return full;
  const cut = full.slice(0, max + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : full.slice(0, max);
}

module.exports = { slug, MAX_LENGTH };
