// Stands in for brotli's decompressor in the bundled fontkit (bin/bundled-libraries.js): fontkit needs it
// only to open WOFF2 fonts, and reports embed TTF files.
export default function decompress() {
  throw new Error('WOFF2 fonts are not supported in reports: use a .ttf or .otf file');
}
