import { boundaryViolations } from './boundary-rules';
import { fileCycleViolations } from './file-cycles';
import { frameworkViolations } from './framework-rules';
import { layerViolations, packageCycleViolations } from './layers';
import type { SourceFile, Violation } from './sources';

/** Every dependency rule over a set of sources: per file, then the two graphs (packages, files). */
export function checkDependencies(files: readonly SourceFile[]): Violation[] {
  return [
    ...files.flatMap((file) => [...frameworkViolations(file), ...boundaryViolations(file), ...layerViolations(file)]),
    ...packageCycleViolations(files),
    ...fileCycleViolations(files),
  ];
}
