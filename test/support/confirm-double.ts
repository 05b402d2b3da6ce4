import type { ConfirmPort, ConfirmRequest } from '../../src-main/ipc/intent';

/**
 * The main-process confirmation dialog as tests have it: records every question and answers
 * with what the test queued (`answerNext`), else with the default (confirm, so flows that are
 * not about the dialog run as the user clicking "yes" would).
 */
export class ConfirmDouble {
  readonly asked: ConfirmRequest[] = [];
  private readonly queued: boolean[] = [];

  constructor(private readonly byDefault: boolean = true) {}

  /** Answers the next question with `answer` (true: the confirm button, false: Cancel). */
  answerNext(answer: boolean): this {
    this.queued.push(answer);
    return this;
  }

  /** The port to give createAppServices. */
  readonly port: ConfirmPort = async (request) => {
    this.asked.push(request);
    return this.queued.shift() ?? this.byDefault;
  };
}
