// Preloaded into benchmarked node processes: report this process's peak resident memory (KiB) on exit.
process.on('exit', () => {
  require('node:fs').writeSync(2, `\nzfb-next-bench-maxrss=${process.resourceUsage().maxRSS}\n`);
});
