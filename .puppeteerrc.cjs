// Puppeteer never downloads its own browser: we drive the system Chromium (see tools/services/chromium.ts).
module.exports = { skipDownload: true };
