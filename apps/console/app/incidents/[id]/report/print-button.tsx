'use client';

/** Opens the browser's print dialog, where "Save as PDF" makes the report a file. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}
