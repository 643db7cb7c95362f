// Run as a process of its own by test/lsp-test-client.test.ts: a test client whose server is stopped
// while it writes a long message, then disposed. The process must then end by itself, as mocha's does
// after its last test; it prints how many chunks of the message it read before the stop.
import { LspTestClient } from './test-client';

async function main(): Promise<void> {
  const { client } = await LspTestClient.start();
  // 100,000 paragraphs numbered "1.": their diagnostics are one message of some 30 MB, written in chunks.
  const text = ['The General Assembly,', '', ...Array.from({ length: 100_000 }, () => ['1. Decides to act;', '']).flat()].join('\n');
  let chunks = 0;
  let stopped: Promise<number | null> | undefined;
  client.serverOutput.on('data', () => {
    if (++chunks === 5) stopped = client.stopServer();
  });
  await client.open('file:///stopped.resolution', text);
  while (!stopped) await new Promise((resolve) => setTimeout(resolve, 10));
  await stopped;
  client.dispose();
  console.log(`chunks read: ${chunks}`);
}

void main();
