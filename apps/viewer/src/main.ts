import './style.css';
import { readLink } from './link';
import { Viewer } from './viewer';

void new Viewer(readLink(window.location)).open();
