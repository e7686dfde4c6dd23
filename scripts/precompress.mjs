// A Vite plugin for the renderer build: beside every text file of the output (JavaScript, CSS, HTML,
// SVG, JSON) above 1 KiB, a Brotli (.br) and a gzip (.gz) copy, so the web shell serves compressed
// files without compressing per request (src-main/web/renderer-files.ts). Skipped when compression
// gains less than a tenth.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|svg|json|txt)$/;
const MIN_BYTES = 1024;

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

/** Writes the .br and .gz copies of the text files under `dir`; returns how many files it compressed. */
export function precompressDir(dir) {
  let count = 0;
  for (const file of walk(dir)) {
    if (!TEXT.test(file)) continue;
    const data = fs.readFileSync(file);
    if (data.length < MIN_BYTES) continue;
    const br = zlib.brotliCompressSync(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    });
    const gz = zlib.gzipSync(data, { level: 9 });
    if (gz.length > data.length * 0.9) continue;
    fs.writeFileSync(`${file}.br`, br);
    fs.writeFileSync(`${file}.gz`, gz);
    count++;
  }
  return count;
}

export function precompress() {
  let outDir = '';
  return {
    name: 'boucle:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
