// depbox region tables for bundled functions (see docs/hook.md, "Bundled
// functions"). hook.js loads this file before any code under test runs.
//
// A bundle file (esbuild, webpack output) holds the code of many packages.
// depbox reads its source map or its region comments on the host and writes
// /depbox/regions.json: for each bundle file, where each owner's code
// starts. A stack frame's position in the bundle then names the bundled
// package the code comes from, as a node_modules path names an installed one.
//
//   { "/var/task/index.js": {
//       "owners": ["", "index.js#node_modules/ms", …],   // "" the function's own
//       "starts": [line, column, owner index, …],        // ascending, 1-based
//       "loader_sites": [line, column, …],              // webpack's module evals
//       "eval_hashes": {"<sha256 of the code>": owner index} } }
//
// Lookups run with the code under test on the stack: they use array
// indexing, arithmetic and built-ins captured when this file loaded, never
// a method a package could have replaced since.
'use strict';

const ReflectApply = Reflect.apply;
const hasOwn = Object.prototype.hasOwnProperty;
const isArray = Array.isArray;

module.exports = function regionTable(readTable) {
  let table = null; // parsed on first use: most processes never need it
  let failed = false;
  const load = () => {
    if (table === null && !failed) {
      try { table = readTable(); } catch (e) { failed = true; throw e; }
    }
    return table !== null && typeof table === 'object' ? table : null;
  };
  const fileTable = (file) => {
    const tb = load();
    const t = tb !== null && ReflectApply(hasOwn, tb, [file]) ? tb[file] : undefined;
    return t && typeof t === 'object' ? t : undefined;
  };
  // lastAtOrBefore returns the index of the last [line, column] pair of
  // flat (stride numbers per entry) at or before line:col, -1 for none.
  const lastAtOrBefore = (flat, stride, line, col) => {
    let lo = 0, hi = ((flat.length / stride) | 0) - 1, found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const l = flat[mid * stride], c = flat[mid * stride + 1];
      if (l < line || (l === line && c <= col)) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  };
  return {
    // owner returns the install path of the code at line:col of a bundle
    // file ("" the function's own), or undefined when the file has no table.
    owner(file, line, col) {
      const t = fileTable(file);
      if (t === undefined || !isArray(t.starts) || !isArray(t.owners)) return undefined;
      const i = lastAtOrBefore(t.starts, 3, line, col);
      if (i < 0) return '';
      const o = t.owners[t.starts[i * 3 + 2]];
      return typeof o === 'string' ? o : '';
    },
    // evalOwner returns [bundle file, install path] for eval code by its
    // script hash (webpack's module code, named by a //# sourceURL), or
    // undefined.
    evalOwner(hash) {
      const tb = typeof hash === 'string' && hash !== '' ? load() : null;
      if (tb === null) return undefined;
      for (const file in tb) {
        if (!ReflectApply(hasOwn, tb, [file])) continue;
        const t = tb[file];
        const h = t && t.eval_hashes;
        if (h && typeof h === 'object' && ReflectApply(hasOwn, h, [hash]) && isArray(t.owners)) {
          const o = t.owners[h[hash]];
          return [file, typeof o === 'string' ? o : ''];
        }
      }
      return undefined;
    },
    // loaderSite reports whether line:col of a bundle file is one of
    // webpack's module eval calls.
    loaderSite(file, line, col) {
      const t = fileTable(file);
      if (t === undefined || !isArray(t.loader_sites)) return false;
      const i = lastAtOrBefore(t.loader_sites, 2, line, col);
      return i >= 0 && t.loader_sites[i * 2] === line && t.loader_sites[i * 2 + 1] === col;
    },
  };
};
