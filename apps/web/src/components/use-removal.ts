import { useRef, useState, type RefObject } from 'react';
import { problemMessage } from '../api/problem-message';

export interface RemovalMessage {
  kind: 'done' | 'failed';
  text: string;
}

export interface Removal {
  /** For the list's heading, which takes focus once an item (and so the focused button) has gone. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** The id of the item being removed, if any. */
  removing: string | null;
  message: RemovalMessage | null;
  /** Removes one item, once nothing else is being removed; `label` names it after a verb, as in "Removed …". */
  remove(id: string, label: string, request: () => Promise<unknown>): Promise<void>;
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** Removing items from a list one at a time, with a message to say how it went. */
export function useRemoval(onRemoved: (id: string) => void): Removal {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [message, setMessage] = useState<RemovalMessage | null>(null);

  async function remove(id: string, label: string, request: () => Promise<unknown>) {
    if (removing) return;
    setRemoving(id);
    setMessage(null);
    try {
      await request();
      onRemoved(id);
      setMessage({ kind: 'done', text: `Removed ${label}.` });
      // The button that had focus has gone: continue from the top of this list.
      headingRef.current?.focus();
    } catch (error) {
      setMessage({ kind: 'failed', text: `${capitalised(label)} could not be removed. ${problemMessage(error)}` });
    }
    setRemoving(null);
  }

  return { headingRef, removing, message, remove };
}
