// The form control of a case field: one id scheme for the server-rendered form and the browser code.

/** `grounds.mantelzorg.hoursPerWeek` → `f-grounds-mantelzorg-hoursPerWeek`. */
export const fieldIdOf = (path: string): string => `f-${path.replaceAll('.', '-')}`;
