/** The ids that join a field's hint and error message to it, for `aria-describedby`. */
export function fieldDescription(id: string, hasHint: boolean, error: string | undefined) {
  const hintId = hasHint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}
