// Named errors of the Slack adapter. Refusals a person should see (not their assessment, outdated
// button) come from the service; these are about Slack itself.

/** An interaction payload part we rely on (a button value, block id, modal metadata) is not what we sent. */
export class MalformedPayloadError extends Error {
  override readonly name = 'MalformedPayloadError';
  readonly what: string;
  readonly problem: string;
  constructor(what: string, problem: string) {
    super(`Slack payload ${what} is malformed (${problem}); it was ignored.`);
    this.what = what;
    this.problem = problem;
  }
}

/** Slack (or the server at SLACK_API_URL) refused the bot token, or could not be reached, at start-up. */
export class SlackStartError extends Error {
  override readonly name = 'SlackStartError';
  readonly apiUrl: string;
  readonly problem: string;
  constructor(apiUrl: string, problem: string) {
    super(`Slack start-up failed against ${apiUrl}: ${problem}. Check SLACK_BOT_TOKEN, SLACK_APP_TOKEN and SLACK_API_URL.`);
    this.apiUrl = apiUrl;
    this.problem = problem;
  }
}

/** The filled PDF could not be rendered or uploaded; the answers are safe and the upload can be retried. */
export class ReportDeliveryError extends Error {
  override readonly name = 'ReportDeliveryError';
  readonly assessmentId: string;
  readonly stage: 'render' | 'upload';
  constructor(assessmentId: string, stage: 'render' | 'upload', cause: unknown) {
    super(`Could not ${stage} the report of assessment ${assessmentId}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.assessmentId = assessmentId;
    this.stage = stage;
  }
}

/** The error code a Web API call failed with (`channel_not_found`, `hash_conflict`…), when Slack gave one. */
export function slackErrorCode(err: unknown): string | undefined {
  const code = (err as { data?: { error?: unknown } } | null)?.data?.error;
  return typeof code === 'string' ? code : undefined;
}
