import type { ReactNode } from 'react';
import { fieldDescription } from './field-description';
import { FieldError } from './FieldError';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  hint?: string;
}

interface RadioGroupProps<V extends string> {
  /** The group's name; the first radio has this id, so error summary links land on it. */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  value: V | '';
  onChange: (value: V) => void;
  options: readonly RadioOption<V>[];
}

/** One choice from a few, as radios in a fieldset whose legend asks the question. */
export function RadioGroup<V extends string>({ id, legend, hint, error, value, onChange, options }: RadioGroupProps<V>) {
  const { hintId, errorId, describedBy } = fieldDescription(id, Boolean(hint), error);
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset className="fieldset" aria-describedby={describedBy}>
        <legend className="label">{legend}</legend>
        {hint && (
          <div className="hint" id={hintId}>
            {hint}
          </div>
        )}
        <FieldError id={errorId} error={error} />
        <div className="radios">
          {options.map((option, index) => {
            const radioId = index === 0 ? id : `${id}-${option.value}`;
            const optionHintId = option.hint ? `${radioId}-hint` : undefined;
            return (
              <div className="radio" key={option.value}>
                <input
                  className="radio__input"
                  type="radio"
                  id={radioId}
                  name={id}
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                  aria-describedby={optionHintId}
                />
                <label className="radio__label" htmlFor={radioId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div className="hint radio__hint" id={optionHintId}>
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
