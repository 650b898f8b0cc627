/**
 * Space plays or pauses, the arrows step an hour (a day with Shift), as the buttons' aria-keyshortcuts
 * say; not while typing in a field, nor with a modifier the browser or the system uses.
 */
export function playbackKeys(actions: { toggle(): void; step(hours: number): void }): void {
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === ' ' && !target.closest('button')) {
      e.preventDefault();
      actions.toggle();
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      actions.step((e.key === 'ArrowRight' ? 1 : -1) * (e.shiftKey ? 24 : 1));
    }
  });
}
