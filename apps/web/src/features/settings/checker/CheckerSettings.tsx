import { CHECKER_RULE_LABELS, CHECKER_RULES, RULE_SETTINGS, type CheckerRule, type RuleSetting } from '@poa/domain';
import { useState } from 'react';
import { fieldError } from '../../../api/errors';
import type { CheckerRuleSettings } from '../../../api/types';
import { TextField } from '../../../ui/Field';
import { QueryView } from '../../../ui/states';
import { AdminSettingsForm } from '../admin-form/AdminSettingsForm';
import { useCheckerSettings, useSaveCheckerSettings } from './checker-settings.queries';

const SETTING_LABELS: Record<RuleSetting, string> = { error: 'Error (blocks sending)', warning: 'Warning', tip: 'Tip', off: 'Off' };

/** Severity per POA checker rule: errors block sending a plan to the client and marking it submitted. */
export function CheckerSettings() {
  const settings = useCheckerSettings();
  // Above the editor, which starts afresh from what was saved: "Saved." outlives that.
  const save = useSaveCheckerSettings();
  return (
    <QueryView query={settings}>
      {(data) => (
        <RulesEditor key={JSON.stringify(data)} rules={data.rules} defaults={data.defaults} maxLength={data.maxLength} save={save} />
      )}
    </QueryView>
  );
}

function RulesEditor({
  rules,
  defaults,
  maxLength,
  save,
}: {
  rules: CheckerRuleSettings;
  defaults: Record<CheckerRule, string>;
  maxLength: number | null;
  save: ReturnType<typeof useSaveCheckerSettings>;
}) {
  const [form, setForm] = useState<CheckerRuleSettings>(rules);
  const [length, setLength] = useState(maxLength === null ? '' : String(maxLength));
  const submit = () => {
    const typed = length.trim();
    save.mutate({ rules: form, maxLength: typed === '' ? null : Number(typed) });
  };
  return (
    <AdminSettingsForm
      id="checker-settings"
      title="POA checker"
      intro="How serious each finding is for your agency. A plan with an error is not sent to the client or marked submitted unless a reviewer overrides it with a reason."
      maxWidth="48rem"
      save={save}
      saveLabel="Save checker settings"
      onSave={submit}
    >
      <table className="table checker-rules">
        <caption className="sr-only">Severity per rule</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">Severity</th>
          </tr>
        </thead>
        <tbody>
          {CHECKER_RULES.map((rule) => (
            <tr key={rule}>
              <th scope="row" style={{ fontWeight: 400 }}>
                <label htmlFor={`rule-${rule}`}>{CHECKER_RULE_LABELS[rule]}</label>{' '}
                <span className="muted">
                  ({rule}; default {defaults[rule]})
                </span>
              </th>
              <td>
                <select
                  id={`rule-${rule}`}
                  name={`rules.${rule}`}
                  value={form[rule]}
                  onChange={(e) => setForm((f) => ({ ...f, [rule]: e.target.value as RuleSetting }))}
                  aria-invalid={fieldError(save.error, `rules.${rule}`) ? true : undefined}
                >
                  {RULE_SETTINGS.map((setting) => (
                    <option key={setting} value={setting}>
                      {SETTING_LABELS[setting]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <TextField
        label="Longest plan, in characters"
        name="maxLength"
        inputMode="numeric"
        placeholder="Default (about two pages)"
        value={length}
        onChange={(e) => setLength(e.target.value)}
        error={fieldError(save.error, 'maxLength')}
      />
    </AdminSettingsForm>
  );
}
