// Renders assets/icon.svg to the icon files the makers need, with Debian's Chromium:
// assets/icons/<n>x<n>.png, assets/icon.png (512, Linux/deb), assets/icon.ico (Windows,
// PNG-compressed entries) and assets/icon.icns (macOS, PNG entries). Run after changing the SVG.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const svg = fs.readFileSync(path.join(root, 'assets/icon.svg'), 'utf8');
const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const browser = await chromium.launch({ executablePath: process.env.SITESYNC_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
const png = {};
fs.mkdirSync(path.join(root, 'assets/icons'), { recursive: true });
for (const size of sizes) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
  png[size] = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  fs.writeFileSync(path.join(root, `assets/icons/${size}x${size}.png`), png[size]);
}
await browser.close();
fs.writeFileSync(path.join(root, 'assets/icon.png'), png[512]);
// The window and tray icons ship with the renderer bundle (Electron's Tray takes no SVG).
fs.writeFileSync(path.join(root, 'src-renderer/public/app-icon.png'), png[256]);
fs.writeFileSync(path.join(root, 'src-renderer/public/tray-icon.png'), png[32]);

// ICO: header, one directory entry per image, then the PNG data.
const icoSizes = [16, 24, 32, 48, 64, 128, 256];
const header = Buffer.alloc(6);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(icoSizes.length, 4);
let offset = 6 + 16 * icoSizes.length;
const entries = icoSizes.map((size) => {
  const e = Buffer.alloc(16);
  e.writeUInt8(size === 256 ? 0 : size, 0);
  e.writeUInt8(size === 256 ? 0 : size, 1);
  e.writeUInt16LE(1, 4);
  e.writeUInt16LE(32, 6);
  e.writeUInt32LE(png[size].length, 8);
  e.writeUInt32LE(offset, 12);
  offset += png[size].length;
  return e;
});
fs.writeFileSync(path.join(root, 'assets/icon.ico'), Buffer.concat([header, ...entries, ...icoSizes.map((s) => png[s])]));

// ICNS: 'icns' + total length, then (type, length, PNG) chunks.
const icnsTypes = [['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]];
const chunks = icnsTypes.map(([type, size]) => {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'ascii');
  head.writeUInt32BE(png[size].length + 8, 4);
  return Buffer.concat([head, png[size]]);
});
const icnsHead = Buffer.alloc(8);
icnsHead.write('icns', 0, 'ascii');
icnsHead.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
fs.writeFileSync(path.join(root, 'assets/icon.icns'), Buffer.concat([icnsHead, ...chunks]));
console.log(`icons: ${sizes.length} PNGs, icon.png, icon.ico (${icoSizes.length} sizes), icon.icns (${icnsTypes.length} sizes)`);
