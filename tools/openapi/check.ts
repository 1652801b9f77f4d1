// The drift check CI runs: same as `generate.ts --check`.
process.argv.push('--check');
require('./generate');
