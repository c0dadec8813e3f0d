/** A field's inline error, read out with the field by screen readers through `aria-describedby`. */
export function FieldError({ id, error }: { id: string | undefined; error: string | undefined }) {
  if (!error) return null;
  return (
    <p className="error-message" id={id}>
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  );
}
