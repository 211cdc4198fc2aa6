// An ES module function ("type": "module", .js handler) with top-level await.
import only from 'esm-only';
import tla from 'esm-tla';
import drop from 'esm-drop';
import data from 'esm-data';
import 'esm-loader';
const v = await import('victim');
export const handler = async () => ({ only, tla, drop, data, v: v.default });
