import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { StreamMessageWriter, type ResponseMessage } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterTheReply, documentPositions } from '../../server/src/lsp/documentPositions';

test('documentPositions: the first time through a line index, later through the document\'s own table, with the same positions', () => {
  const document = TextDocument.create('file:///a.yaml', 'yaml', 1, 'a: 1\r\nb: 2\nc: 3\n');
  const tasks: Array<() => void> = [];
  const first = documentPositions(document, (task) => tasks.push(task));
  const offsets = [0, 4, 5, 6, 10, 11, 16];
  const expected = offsets.map((offset) => document.positionAt(offset));
  assert.deepEqual(offsets.map(first), expected);
  assert.equal(tasks.length, 1, 'the table is left for later');
  tasks[0]();
  const next = documentPositions(document, () => assert.fail('no second table'));
  assert.deepEqual(offsets.map(next), expected);
});

test('afterTheReply: the task runs once vscode-jsonrpc has written the reply the handler returns', async () => {
  const stream = new PassThrough();
  const written: string[] = [];
  stream.on('data', (data: Buffer) => written.push(data.toString()));
  const writer = new StreamMessageWriter(stream);
  const seenByTask = new Promise<number>((resolve) => afterTheReply(() => resolve(written.join('').length)));
  // What the connection does with a handler's result: it writes the reply after the handler has queued its task.
  const reply: ResponseMessage = { jsonrpc: '2.0', id: 1, result: { kind: 'full', items: [] } };
  void writer.write(reply);
  assert.ok((await seenByTask) > 0, 'the reply was out before the task ran');
});
