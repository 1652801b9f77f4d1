/*
 * Preload (`node -r ./bench/lib/cpu-profile.cjs ...`) that samples the process's CPU with the inspector between
 * two SIGWINCH signals and writes `${CPU_PROFILE_FILE}.<n>.cpuprofile` (n = 0, 1, ...). Signal-driven so each
 * profile covers only one measured load, not the start-up. SIGWINCH because Nest's shutdown hooks take SIGUSR2.
 */
const { Session } = require('node:inspector');
const { renameSync, writeFileSync } = require('node:fs');

const file = process.env.CPU_PROFILE_FILE;
if (file) {
  const session = new Session();
  session.connect();
  let running = false;
  let index = 0;
  process.on('SIGWINCH', () => {
    if (!running) {
      session.post('Profiler.enable');
      session.post('Profiler.setSamplingInterval', { interval: Number(process.env.CPU_PROFILE_INTERVAL_US ?? 500) });
      session.post('Profiler.start');
      running = true;
      return;
    }
    // Stopped at once, not in the callback: the next slice can start before the profile is serialised (two API
    // slices back to back when the order of variants turns), and its signal must start a new profile.
    running = false;
    const n = index;
    index += 1;
    session.post('Profiler.stop', (error, result) => {
      // Written whole, then renamed: the bench reads a profile as soon as its name appears.
      if (!error) {
        writeFileSync(`${file}.${n}.partial`, JSON.stringify(result.profile));
        renameSync(`${file}.${n}.partial`, `${file}.${n}.cpuprofile`);
      }
    });
  });
}
