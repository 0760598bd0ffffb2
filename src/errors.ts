/**
 * Error catalogue: every error the API returns has a stable machine code, an HTTP status and a
 * Vietnamese message (English available). Mapped to application/problem+json in http/plugins/errors.ts.
 */
export interface FieldProblem {
  /** Dotted path of the field, e.g. `body.email`. */
  field: string;
  message: string;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly messageEn: string | undefined;
  constructor(message: string, messageEn?: string) {
    super(message);
    this.name = new.target.name;
    this.messageEn = messageEn;
  }
}

export class ValidationError extends AppError {
  readonly status = 400;
  readonly code = 'validation_failed';
  readonly fields: FieldProblem[];
  constructor(fields: FieldProblem[], message = 'Dữ liệu không hợp lệ') {
    super(message, 'Invalid data');
    this.fields = fields;
  }
}

/** A process definition that cannot be published: every problem, each naming its step or arrow. */
export class ProcessInvalidError extends AppError {
  readonly status = 400;
  readonly code = 'process_invalid';
  readonly fields: FieldProblem[];
  readonly problems: { code: string; message: string; stepId?: string; transitionId?: string }[];
  constructor(message: string, fields: FieldProblem[], problems: ProcessInvalidError['problems']) {
    super(message, 'The process definition has problems');
    this.fields = fields;
    this.problems = problems;
  }
}

export class UnauthenticatedError extends AppError {
  readonly status = 401;
  readonly code = 'unauthenticated';
  constructor(message = 'Bạn cần đăng nhập để thực hiện thao tác này') {
    super(message, 'Sign-in required');
  }
}

export class InvalidCredentialsError extends AppError {
  readonly status = 401;
  readonly code = 'invalid_credentials';
  readonly captchaRequired: boolean;
  constructor(captchaRequired: boolean) {
    super('Tên đăng nhập hoặc mật khẩu không đúng', 'Wrong username or password');
    this.captchaRequired = captchaRequired;
  }
}

export class CaptchaRequiredError extends AppError {
  readonly status = 400;
  readonly code = 'captcha_required';
  constructor(message = 'Vui lòng hoàn thành mã xác thực chống spam (captcha)') {
    super(message, 'Please solve the anti-spam challenge (captcha)');
  }
}

export class AccountLockedError extends AppError {
  readonly status = 423;
  readonly code = 'account_locked';
  readonly until: Date;
  constructor(until: Date) {
    super('Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần', 'Account temporarily locked');
    this.until = until;
  }
}

export class AccountNotActiveError extends AppError {
  readonly status = 403;
  readonly code = 'account_not_active';
  constructor(message = 'Tài khoản chưa được kích hoạt hoặc đã bị khóa') {
    super(message, 'Account not active');
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  readonly code = 'forbidden';
  constructor(message = 'Bạn không có quyền thực hiện thao tác này') {
    super(message, 'Forbidden');
  }
}

export class CsrfError extends AppError {
  readonly status = 403;
  readonly code = 'csrf_invalid';
  constructor() {
    super('Phiên làm việc không hợp lệ (CSRF). Vui lòng tải lại trang và thử lại', 'Invalid CSRF token');
  }
}

export class NotFoundError extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(message = 'Không tìm thấy dữ liệu yêu cầu') {
    super(message, 'Not found');
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  readonly code: string;
  constructor(message: string, code = 'conflict') {
    super(message, 'Conflict');
    this.code = code;
  }
}

export class RateLimitedError extends AppError {
  readonly status = 429;
  readonly code = 'rate_limited';
  readonly retryAfterSeconds: number;
  constructor(retryAfterSeconds: number) {
    super('Bạn thao tác quá nhanh, vui lòng thử lại sau', 'Too many requests');
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export class ServiceUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'service_unavailable';
  constructor(message = 'Hệ thống tạm thời không sẵn sàng, vui lòng thử lại sau') {
    super(message, 'Service unavailable');
  }
}
