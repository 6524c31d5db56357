// Loaded into every test process and every process it starts (NODE_OPTIONS, see scripts/run-tests.mjs):
// any attempt to open a network connection or resolve a host name throws. The product promises no
// network access at run time, in tests or in the extension; this makes a broken promise fail loudly.
'use strict';
const net = require('node:net');
const dns = require('node:dns');

function refuse(what) {
  const error = new Error(`ack-cni-lint must not use the network (${what})`);
  error.code = 'ACK_CNI_NO_NETWORK';
  throw error;
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : {};
  // Local IPC (a path, as vscode-languageclient's IPC transport and pipes use) is not the network.
  if (typeof options.path === 'string' || (typeof args[0] === 'string' && !/^\d+$/.test(args[0]))) return connect.apply(this, args);
  return refuse(`connect ${JSON.stringify(options.host ?? args[1] ?? 'localhost')}:${options.port ?? args[0]}`);
};
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  dns[name] = () => refuse(`dns.${name}`);
  dns.promises[name] = async () => refuse(`dns.promises.${name}`);
}
