/** Jira's error body: every failure, whatever the status, has this shape. */
export interface JiraErrorBody {
  errorMessages: string[];
  errors: Record<string, string>;
}

/** Thrown by routes and the store; the dispatcher turns it into Jira's error response. */
export class JiraError extends Error {
  readonly status: number;
  readonly errorMessages: string[];
  readonly errors: Record<string, string>;
  readonly headers: Record<string, string>;

  constructor(status: number, errorMessages: string[], errors: Record<string, string> = {}, headers: Record<string, string> = {}) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
    this.name = 'JiraError';
    this.status = status;
    this.errorMessages = errorMessages;
    this.errors = errors;
    this.headers = headers;
  }

  get body(): JiraErrorBody {
    return { errorMessages: this.errorMessages, errors: this.errors };
  }
}

export const badRequest = (message: string): JiraError => new JiraError(400, [message]);
/** Field-level validation failure: Jira puts these under `errors`, keyed by field name. */
export const fieldErrors = (errors: Record<string, string>): JiraError => new JiraError(400, [], errors);
export const notFound = (message: string): JiraError => new JiraError(404, [message]);
export const forbidden = (message: string): JiraError => new JiraError(403, [message]);
export const unauthorized = (): JiraError => new JiraError(401, ['You are not authenticated. Authentication required to perform this operation.']);

export const projectNotFound = (idOrKey: string): JiraError => notFound(/^\d+$/.test(idOrKey) ? `No project could be found with id '${idOrKey}'.` : `No project could be found with key '${idOrKey}'.`);
export const versionNotFound = (id: string): JiraError => notFound(`Could not find version for id '${id}'`);
export const issueNotFound = (): JiraError => notFound('Issue does not exist or you do not have permission to see it.');
