/** The register form's fields, as the list page's query names them (shared by the loader and the form). */
export const REGISTER_FIELDS = ['so-tu', 'so-den', 'so-co-quan'] as const;

export interface RegisterFormData {
  values: Record<(typeof REGISTER_FIELDS)[number], string>;
  errors: Partial<Record<string, string>>;
  agencies: { value: string; label: string }[];
}
