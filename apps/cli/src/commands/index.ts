import type { Command } from '../command';
import { audit } from './audit';
import { exportCommand } from './export';
import { importCommand } from './import';
import { load } from './load';
import { rebuild } from './rebuild';
import { replay } from './replay';
import { sourceImpact } from './source-impact';

/** The commands of the terminal tool, in the order its usage lists them. */
export const COMMANDS: readonly Command[] = [load, rebuild, exportCommand, importCommand, audit, sourceImpact, replay];
