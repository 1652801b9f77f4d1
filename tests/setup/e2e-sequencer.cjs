// Runs the e2e suites in a fixed order, with the worker crash test last (it kills the tier's worker).
const Sequencer = require('@jest/test-sequencer').default;

class E2eSequencer extends Sequencer {
  sort(tests) {
    const last = (t) => (t.path.includes('worker-crash') ? 1 : 0);
    return [...tests].sort((a, b) => last(a) - last(b) || a.path.localeCompare(b.path));
  }
}

module.exports = E2eSequencer;
