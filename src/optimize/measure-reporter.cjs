// Minimal reporter used by `playwright-perf optimize --validate`: writes the run's duration and each
// test's outcome to $PLAYWRIGHT_PERF_MEASURE_FILE. Replaces the user's reporters for measuring runs,
// so their own reports (and perf-report/) are left alone.
const fs = require('fs');

class MeasureReporter {
  onBegin(config, suite) {
    this.suite = suite;
    this.workers = config.workers;
  }
  onEnd(result) {
    const tests = this.suite
      ? this.suite.allTests().map((t) => ({ id: t.titlePath().filter(Boolean).join(' › '), outcome: t.outcome() }))
      : [];
    fs.writeFileSync(
      process.env.PLAYWRIGHT_PERF_MEASURE_FILE,
      JSON.stringify({ status: result.status, durationMs: result.duration, workers: this.workers, tests }),
    );
  }
  printsToStdio() {
    return false;
  }
}

module.exports = MeasureReporter;
