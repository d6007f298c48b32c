import { useState } from 'react';

/** Copies a value the page shows shortened (a hash, an id); says "Copied" until the value changes. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState<string>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(value);
    } catch {
      setCopied(undefined);
    }
  };
  return (
    <button type="button" className="button button--small button--ghost" aria-label={label} title={value} onClick={copy}>
      {copied === value ? 'Copied' : 'Copy'}
    </button>
  );
}
