// A print button for pages that are meant to be printed (the diff); the print stylesheet does the rest.
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-print]')) {
  button.addEventListener('click', () => window.print());
}
