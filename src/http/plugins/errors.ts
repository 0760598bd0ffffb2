import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from '../../db/busy.ts';
import { AppError, RateLimitedError } from '../../errors.ts';
import type { FieldProblem } from '../../errors.ts';
import { sendProblem, wantsEnglish } from '../problem.ts';

/** Maps every error to application/problem+json; 5xx details never reach the client. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const en = wantsEnglish(req);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const fields: FieldProblem[] = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return { field: path ? `${where}.${path}` : where, message: v.message ?? 'Giá trị không hợp lệ' };
      });
      return sendProblem(reply, {
        status: 400,
        code: 'validation_failed',
        title: en ? 'Invalid data' : 'Dữ liệu không hợp lệ',
        detail: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
        errors: fields,
      });
    }
    if (error instanceof AppError) {
      if (error instanceof RateLimitedError)
        void reply.header('retry-after', String(error.retryAfterSeconds));
      const extra: Record<string, unknown> = {};
      if ('fields' in error) extra.errors = error.fields;
      if ('problems' in error) extra.problems = error.problems;
      if ('captchaRequired' in error) extra.captchaRequired = error.captchaRequired;
      if ('until' in error && error.until instanceof Date) extra.lockedUntil = error.until.toISOString();
      return sendProblem(reply, {
        status: error.status,
        code: error.code,
        title: en && error.messageEn ? error.messageEn : error.message,
        detail: error.message,
        ...extra,
      });
    }
    if (isResponseSerializationError(error)) {
      req.log.error({ err: error }, 'response does not match its schema');
      return sendProblem(reply, {
        status: 500,
        code: 'internal_error',
        title: 'Lỗi hệ thống',
        detail: 'Lỗi hệ thống',
      });
    }
    // Every pool connection stayed busy for DB_POOL_WAIT_MS: an overload the caller may retry, not a
    // fault (issue 8's capacity runs saw it when the application's event loop was saturated).
    if (isDatabaseBusy(error)) {
      req.log.warn('no database connection free in time');
      void reply.header('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
      return sendProblem(reply, {
        status: 503,
        code: 'database_busy',
        title: en ? 'The system is busy' : 'Hệ thống đang bận',
        detail: en
          ? 'The system is busy, please try again in a few seconds'
          : 'Hệ thống đang bận, vui lòng thử lại sau ít giây',
      });
    }
    // Fastify's own client errors: bad JSON, body too large, wrong content type…
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const messages: Record<number, string> = {
        400: 'Yêu cầu không hợp lệ (dữ liệu gửi lên không đúng định dạng)',
        413: 'Dữ liệu gửi lên vượt quá dung lượng cho phép',
        415: 'Định dạng dữ liệu gửi lên không được hỗ trợ',
      };
      return sendProblem(reply, {
        status,
        code: error.code ? error.code.toLowerCase() : 'bad_request',
        title: messages[status] ?? 'Yêu cầu không hợp lệ',
        detail: messages[status] ?? error.message,
      });
    }
    req.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, {
      status: 500,
      code: 'internal_error',
      title: en ? 'Internal error' : 'Lỗi hệ thống',
      detail: en ? 'An unexpected error occurred' : 'Đã xảy ra lỗi không mong muốn, vui lòng thử lại sau',
    });
  });

  app.setNotFoundHandler((req, reply) =>
    sendProblem(reply, {
      status: 404,
      code: 'route_not_found',
      title: wantsEnglish(req) ? 'Not found' : 'Không tìm thấy',
      detail: `Không có đường dẫn ${req.method} ${req.url.split('?')[0] ?? ''}`,
    }),
  );
}
