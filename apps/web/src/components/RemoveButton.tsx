import type { Removal } from './use-removal';

interface RemoveButtonProps {
  removal: Removal;
  id: string;
  /** Names the item after "Remove", for screen readers, and in the message afterwards. */
  label: string;
  request: () => Promise<unknown>;
}

/** A Remove button for one item in a list, busy while that item is being removed. */
export function RemoveButton({ removal, id, label, request }: RemoveButtonProps) {
  return (
    <button
      type="button"
      className="button button--secondary button--inline"
      onClick={() => void removal.remove(id, label, request)}
      aria-busy={removal.removing === id}
      aria-disabled={removal.removing !== null || undefined}
    >
      {removal.removing === id ? 'Removing…' : 'Remove'}
      <span className="visually-hidden"> {label}</span>
    </button>
  );
}
