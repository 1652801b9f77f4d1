/*
 * Preload (`node -r ./bench/lib/cpu-profile.cjs ...`) that samples the process's CPU with the inspector between
 * two SIGWINCH signals and writes `${CPU_PROFILE_FILE}.<n>.cpuprofile` (n = 0, 1, ...). Signal-driven so each
 * profile covers only one measured load, not the start-up. SIGWINCH because Nest's shutdown hooks take SIGUSR2.
 */
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');

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
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(`${file}.${index}.cpuprofile`, JSON.stringify(result.profile));
      index += 1;
      running = false;
    });
  });
}
