import { phoneParts } from './triage-text';

/** Advice text with its phone numbers (999, 111, Samaritans 116 123) as links that ring them on a phone. */
export function PhoneText({ text }: { text: string }) {
  return (
    <>
      {phoneParts(text).map((part, index) =>
        part.kind === 'phone' ? (
          <a key={index} href={part.href} className="nowrap">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
