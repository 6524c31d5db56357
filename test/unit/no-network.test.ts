import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import * as dns from 'node:dns';
import { spawnSync } from 'node:child_process';

test('the test run refuses network access, in this process and in the processes it starts', () => {
  assert.throws(() => net.connect(443, 'example.com'), { code: 'ACK_CNI_NO_NETWORK' });
  assert.throws(() => dns.lookup('example.com', () => undefined), { code: 'ACK_CNI_NO_NETWORK' });
  const child = spawnSync(process.execPath, ['-e', "require('node:net').connect(80, '127.0.0.1')"], { encoding: 'utf8' });
  assert.notEqual(child.status, 0);
  assert.match(child.stderr, /must not use the network/);
});
