// Preloaded (NODE_OPTIONS --require) into the CLI and server processes the fuzzer starts: on exit,
// appends "<pid> <peak RSS in KB>" to the file ACK_CNI_FUZZ_RSS_FILE names, so the fuzzer can
// report how much memory each child needed at most. A process that dies of a fatal error writes
// nothing, and the fuzzer reports that as a crash anyway.
'use strict';
const file = process.env.ACK_CNI_FUZZ_RSS_FILE;
if (file) {
  process.on('exit', () => {
    require('node:fs').appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
  });
}
