import { useEffect, useState } from 'react';
import type { ChangeEvent } from 'react';
import { ActionButton } from '../../../components/ActionButton.tsx';
import { describedBy, FieldMessage } from '../../../components/Field.tsx';
import { LoadingIndicator } from '../../../components/LoadingIndicator.tsx';
import { useLang, useT } from '../../../i18n/index.ts';
import { useRootData } from '../../../lib/root-data.ts';
import { fileUrl, formatSize } from './labels.ts';
import { encodeUpload } from './receipt-fields.ts';
import type { FileLimits, UploadedFile } from './receipt-fields.ts';

interface Props {
  /** The id of the file input (unique on the page); the error summary links to it. */
  id: string;
  label: string;
  uploads: readonly UploadedFile[];
  limits: FileLimits;
  error?: string | undefined;
}

interface Problem {
  errors?: { message: string }[];
  detail?: string;
}

/** Sends one file to the upload API (what the page does with JavaScript, as soon as a file is chosen). */
async function send(file: File, csrf: string): Promise<UploadedFile | string> {
  const res = await fetch(`/api/dossier-files?fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-csrf-token': csrf },
    body: file,
    credentials: 'same-origin',
  });
  if (res.ok) return (await res.json()) as UploadedFile;
  const p = (await res.json().catch(() => null)) as Problem | null;
  return p?.errors?.[0]?.message ?? p?.detail ?? String(res.status);
}

/**
 * Scanned components and other attachments. The limits are shown next to the input; each uploaded
 * file gets a preview link (PDFs and images open in the browser) and a remove button. Without
 * JavaScript the files go with the form (and "Tải lên" sends them alone); with it, each file is
 * uploaded the moment it is chosen. Uploaded files travel as hidden `upload` fields.
 */
export function FileUploads({ id, label, uploads, limits, error }: Props) {
  const t = useT();
  const lang = useLang();
  const csrf = useRootData()?.csrfToken ?? '';
  const [list, setList] = useState<UploadedFile[]>([...uploads]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [enhanced, setEnhanced] = useState(false);
  useEffect(() => setEnhanced(true), []);
  const hint =
    lang === 'vi'
      ? limits.text
      : t('ds.files.limits', { mb: limits.maxMb, ext: limits.extensions.join(', ') });
  const shown = problem ?? error;

  async function onChange(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    setBusy(true);
    const problems: string[] = [];
    for (const f of files) {
      if (f.size > limits.maxBytes) {
        problems.push(`${f.name}: ${t('ds.files.tooBig', { mb: limits.maxMb })}`);
        continue;
      }
      const out = await send(f, csrf).catch(() => t('ds.files.failed'));
      if (typeof out === 'string') problems.push(`${f.name}: ${out}`);
      else setList((l) => [...l, out]);
    }
    input.value = '';
    setBusy(false);
    setProblem(problems.length ? problems.join('; ') : undefined);
  }

  return (
    <div className={shown ? 'field field-error' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label} <span className="field-optional">{t('form.optional')}</span>
      </label>
      <p id={`${id}-hint`} className="field-hint" data-testid="file-limits">
        {hint}
      </p>
      <FieldMessage id={id} error={shown} />
      {list.length ? (
        <ul className="ds-files" data-testid="uploads">
          {list.map((f) => (
            <li key={f.id}>
              <input type="hidden" name="upload" value={encodeUpload(f)} />
              <a href={fileUrl(f.id)} target="_blank" rel="noreferrer">
                {t('ds.files.preview', { name: f.fileName })}
              </a>{' '}
              <span className="muted">({formatSize(f.size)})</span>{' '}
              {enhanced ? (
                <button
                  type="button"
                  className="button button-link"
                  onClick={() => setList((l) => l.filter((x) => x.id !== f.id))}
                  aria-label={t('ds.files.removeOf', { name: f.fileName })}
                >
                  {t('ds.files.remove')}
                </button>
              ) : (
                <ActionButton
                  name="intent"
                  value={`remove:${f.id}`}
                  small
                  label={t('ds.files.removeOf', { name: f.fileName })}
                >
                  {t('ds.files.remove')}
                </ActionButton>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="inline-search-row">
        <input
          id={id}
          name="files"
          type="file"
          multiple
          className="input"
          accept={limits.extensions.map((x) => `.${x}`).join(',')}
          aria-describedby={describedBy(id, hint, shown)}
          aria-invalid={shown ? true : undefined}
          onChange={(e) => void onChange(e)}
        />
        {busy ? <LoadingIndicator /> : null}
        {enhanced ? null : (
          <ActionButton name="intent" value="upload">
            {t('ds.files.upload')}
          </ActionButton>
        )}
      </div>
    </div>
  );
}
