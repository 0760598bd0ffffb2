import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldProblem } from '../errors.ts';

/** RFC 9457 problem details, with our stable code and the fields that failed. */
export interface ProblemFields {
  type?: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: FieldProblem[];
}
export type Problem = ProblemFields & Record<string, unknown>;

export function wantsEnglish(req: FastifyRequest): boolean {
  const cookieLang = req.cookies.lang;
  if (cookieLang) return cookieLang === 'en';
  return /^en\b/i.test(req.headers['accept-language'] ?? '');
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...problem, type: problem.type ?? `urn:dichvucong:problem:${problem.code}` });
}
