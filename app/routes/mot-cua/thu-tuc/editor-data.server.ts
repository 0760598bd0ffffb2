import type { Services } from '../../../../src/services.ts';
import type { AuthContext } from '../../../../src/modules/accounts/sessions.ts';

/** What the editor offers to choose from: the fields in use (and the procedure's own) and the form templates. */
export async function editorChoices(services: Services, auth: AuthContext, currentField: string | null) {
  const [fields, forms] = await Promise.all([
    services.procedureFields.list(auth),
    services.formTemplates.list(auth, { limit: 2000 }),
  ]);
  return {
    fields: fields
      .filter((f) => f.active || f.code === currentField)
      .map((f) => ({ code: f.code, name: f.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    forms: forms.items.map((f) => ({ code: f.code, name: f.name })),
  };
}
