import Bottleneck from 'bottleneck';
import { backOff } from 'exponential-backoff';

export interface CkanClientOptions {
  /** The Action API base, e.g. https://data.gov.ma/data/api/3/action. */
  baseUrl: string;
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  /** Most requests per second. */
  rateLimit: number;
  /** First backoff delay; doubles each retry, with full jitter (default 500 ms, at most 30 s). */
  backoffMs?: number;
  /** Called before each retry, to record it. */
  onRetry?: (error: CkanRequestError, attempt: number) => void;
}

/** Why a call failed; `retryable` says whether trying again may help. */
export class CkanRequestError extends Error {
  constructor(
    readonly action: string,
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(`${action}: ${message}`);
  }
}

// CKAN error types that will not change by asking again.
const PERMANENT_CKAN_ERRORS = ['Validation Error', 'Not Found Error', 'Authorization Error', 'Search Query Error'];

type Params = Record<string, string | number | boolean | undefined>;

/**
 * A client of CKAN's Action API: every call is rate-limited, timed out, and
 * retried with exponential backoff and jitter when the failure is transient
 * (network, timeout, HTTP 5xx or 429, a body that is not JSON, or
 * `success: false` with an error that is not a validation, not-found or
 * permission error). A body with `success: false` is an error even with HTTP 200.
 */
export class CkanClient {
  private readonly limiter: Bottleneck;
  /** HTTP requests sent, retries included. */
  requests = 0;

  constructor(private readonly options: CkanClientOptions) {
    this.limiter = new Bottleneck({ minTime: Math.ceil(1000 / options.rateLimit), maxConcurrent: 2 });
  }

  async call<T>(action: string, params: Params = {}): Promise<T> {
    return backOff(() => this.limiter.schedule(() => this.once<T>(action, params)), {
      numOfAttempts: this.options.retries + 1,
      startingDelay: this.options.backoffMs ?? 500,
      timeMultiple: 2,
      maxDelay: 30_000,
      jitter: 'full',
      retry: (error: unknown, attempt: number) => {
        const failure = error instanceof CkanRequestError ? error : new CkanRequestError(action, String(error), true);
        if (!failure.retryable) return false;
        this.options.onRetry?.(failure, attempt);
        return true;
      },
    });
  }

  private async once<T>(action: string, params: Params): Promise<T> {
    const url = new URL(`${this.options.baseUrl}/${action}`);
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    this.requests++;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: { accept: 'application/json' },
      });
      text = await response.text();
    } catch (error) {
      const name = (error as Error).name;
      const reason =
        name === 'TimeoutError' || name === 'AbortError'
          ? `no answer within ${this.options.timeoutMs} ms`
          : `network error (${(error as Error).message})`;
      throw new CkanRequestError(action, reason, true);
    }
    if (response.status === 429 || response.status >= 500) {
      throw new CkanRequestError(action, `HTTP ${response.status}`, true, response.status);
    }
    let body: { success?: unknown; result?: unknown; error?: { __type?: string; message?: string } };
    try {
      body = JSON.parse(text);
    } catch {
      throw new CkanRequestError(
        action,
        `HTTP ${response.status}, the body is not JSON (${text.length} bytes)`,
        true,
        response.status,
      );
    }
    if (body?.success !== true) {
      const type = body?.error?.__type ?? 'Error';
      const message = body?.error?.message ?? (response.ok ? 'success is not true' : `HTTP ${response.status}`);
      throw new CkanRequestError(action, `${type}: ${message}`, !PERMANENT_CKAN_ERRORS.includes(type), response.status);
    }
    if (!response.ok) throw new CkanRequestError(action, `HTTP ${response.status}`, false, response.status);
    return body.result as T;
  }

  async stop(): Promise<void> {
    await this.limiter.stop({ dropWaitingJobs: true }).catch(() => undefined);
  }
}
