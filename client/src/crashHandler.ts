import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/** More crashes than this within `crashWindowMs` and the server is left stopped. */
const maxRestarts = 4;
const crashWindowMs = 3 * 60_000;

/**
 * What happens when the language server process dies: it is restarted, and the user gets one short
 * message per incident (no stack trace: the details are in the output channel). After more than
 * `maxRestarts` crashes within three minutes it stays stopped, with one message saying how to restart it.
 */
export class ServerCrashHandler implements ErrorHandler {
  private crashes: number[] = [];

  constructor(private readonly showOutput: () => void) {}

  /** Transport errors come before the close that decides; they alone never stop the server. */
  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((at) => now - at <= crashWindowMs), now];
    if (this.crashes.length > maxRestarts) {
      this.tell(
        vscode.window.showErrorMessage,
        vscode.l10n.t('The ACK CNI Lint language server stopped {0} times in 3 minutes and was not restarted. Run "ACK CNI: Restart the language server" to start it again.', this.crashes.length),
      );
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    // One message per incident: a crash loop shows this once, then the message above.
    if (this.crashes.length === 1) {
      this.tell(vscode.window.showWarningMessage, vscode.l10n.t('The ACK CNI Lint language server stopped unexpectedly and was restarted.'));
    }
    return { action: CloseAction.Restart, handled: true };
  }

  /** A restart by the user starts a new count. */
  reset(): void {
    this.crashes = [];
  }

  private tell(show: (message: string, ...items: string[]) => Thenable<string | undefined>, message: string): void {
    const details = vscode.l10n.t('Show details');
    void show(message, details).then((picked) => {
      if (picked === details) this.showOutput();
    });
  }
}
