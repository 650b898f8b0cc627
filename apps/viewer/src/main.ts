import './style.css';
import { readLink } from './link';
import { Viewer } from './viewer';

const viewer = new Viewer(readLink(window.location));
viewer.open().catch((error: Error) => {
  const status = document.getElementById('status');
  if (status) {
    status.textContent = `The viewer could not load: ${error.message}`;
    status.classList.add('error');
  }
});
