const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with any web addresses turned into links, e.g. the link in a password reset email. */
export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-anywhere">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}
