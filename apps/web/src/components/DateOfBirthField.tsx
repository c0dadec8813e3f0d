import type { ReactNode } from 'react';
import { todayIsoDate } from '../format/date-format';
import type { StringFieldProps } from './FormField';
import { TextField } from './TextField';

interface DateOfBirthFieldProps extends Omit<StringFieldProps, 'label' | 'hint'> {
  hint?: ReactNode;
  /** The person filling in the form is giving their own date of birth, so the browser may fill it in. */
  own: boolean;
}

/** "Date of birth", entered the same way everywhere: a date input between 1900 and today. */
export function DateOfBirthField({ hint = 'For example, 27 March 1985.', own, ...field }: DateOfBirthFieldProps) {
  return (
    <TextField
      {...field}
      label="Date of birth"
      hint={hint}
      type="date"
      autoComplete={own ? 'bday' : 'off'}
      min="1900-01-01"
      max={todayIsoDate()}
      widthClass="input--date"
    />
  );
}
