import { SUBMISSION_FIELD_KEYS, SUBMISSION_FIELD_LABELS, type SubmissionFieldKey } from '@poa/domain';
import { useState } from 'react';
import { fieldError } from '../../../api/errors';
import type { SubmissionLimits } from '../../../api/types';
import { TextField } from '../../../ui/Field';
import { QueryView } from '../../../ui/states';
import { AdminSettingsForm } from '../admin-form/AdminSettingsForm';
import { useSaveSubmissionSettings, useSubmissionSettings } from './submission-settings.queries';

type LimitsForm = Record<SubmissionFieldKey, string>;

const formOf = (limits: SubmissionLimits): LimitsForm =>
  Object.fromEntries(SUBMISSION_FIELD_KEYS.map((k) => [k, limits[k] === null ? '' : String(limits[k])])) as LimitsForm;

/** An empty box is no limit; anything else goes to the API as typed, which names a bad one. */
const limitsOf = (form: LimitsForm): SubmissionLimits =>
  Object.fromEntries(
    SUBMISSION_FIELD_KEYS.map((k) => {
      const typed = form[k].trim();
      // Not a number: sent as typed (JSON would turn NaN into null, "no limit"), so the API names the field.
      return [k, typed === '' ? null : Number.isFinite(Number(typed)) ? Number(typed) : typed];
    }),
  ) as SubmissionLimits;

/** The character limit of each Seller Central appeal field: the editor counts against them and the checker warns past them. */
export function SubmissionSettings() {
  const settings = useSubmissionSettings();
  // Above the editor, which starts afresh from what was saved: "Saved." outlives that.
  const save = useSaveSubmissionSettings();
  return (
    <QueryView query={settings}>{(data) => <LimitsEditor key={JSON.stringify(data.limits)} limits={data.limits} save={save} />}</QueryView>
  );
}

function LimitsEditor({ limits, save }: { limits: SubmissionLimits; save: ReturnType<typeof useSaveSubmissionSettings> }) {
  const [form, setForm] = useState(() => formOf(limits));
  return (
    <AdminSettingsForm
      id="seller-central-settings"
      title="Seller Central field limits"
      intro="Amazon does not publish the character limits of its appeal form and changes them. Enter the ones you see; leave a box empty for no limit."
      maxWidth="36rem"
      save={save}
      saveLabel="Save limits"
      onSave={() => save.mutate(limitsOf(form))}
    >
      {SUBMISSION_FIELD_KEYS.map((key) => (
        <TextField
          key={key}
          label={SUBMISSION_FIELD_LABELS[key]}
          name={`limits.${key}`}
          inputMode="numeric"
          placeholder="No limit"
          value={form[key]}
          onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
          error={fieldError(save.error, `limits.${key}`)}
        />
      ))}
    </AdminSettingsForm>
  );
}
