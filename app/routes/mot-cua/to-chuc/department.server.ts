import { redirect } from 'react-router';
import type { z } from 'zod';
import type { SignedIn } from '../../../lib/auth.server.ts';
import { toFieldErrors } from '../../../lib/errors.ts';
import { textFields } from '../../../lib/forms.ts';
import { DEPARTMENT_FIELDS } from './DepartmentForm.tsx';
import { checked, formFailure, serviceErrors } from './forms.server.ts';

/**
 * The post of a department form (new or edit): checks it against `schema`, hands it to `save`, then
 * goes to `done`; what is wrong comes back next to the fields, with what was typed.
 */
export async function saveDepartment<S extends z.ZodType>(
  w: SignedIn,
  request: Request,
  schema: S,
  save: (input: z.output<S>) => Promise<unknown>,
  done: string,
) {
  const form = await request.formData();
  const values = { ...textFields(form, ['code', 'name']), isOneStop: checked(form, 'isOneStop') };
  const parsed = schema.safeParse(values);
  if (!parsed.success)
    return formFailure(400, { errors: toFieldErrors(parsed.error.issues, w.lang), values });
  try {
    await save(parsed.data);
    return redirect(done);
  } catch (err) {
    const f = serviceErrors(err, w.lang, DEPARTMENT_FIELDS, { duplicate_department_code: 'code' });
    return formFailure(f.status, { errors: f.errors, formError: f.formError, values });
  }
}
