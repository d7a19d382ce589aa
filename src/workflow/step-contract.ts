import { Failure } from '../domain/failure.js';
import type { WorkflowContext } from './context.js';
import { GIVEN_FIELDS, type ContextField, type StepContext, type StepOutput, type WorkflowStep } from './step.js';

/** All a step is given of the context: the fields it reads, so an undeclared read finds nothing. */
export function contextFor(step: WorkflowStep, context: WorkflowContext): StepContext<ContextField> {
  return Object.fromEntries(step.reads.map((field) => [field, context[field]])) as StepContext<ContextField>;
}

/** The step's patch, once it is seen to write only what the step declares. */
export function checkedPatch(step: WorkflowStep, output: StepOutput): StepOutput['patch'] {
  const written = Object.keys(output.patch ?? {});
  const undeclared = written.filter((field) => !(step.writes as readonly string[]).includes(field));
  if (undeclared.length > 0) {
    throw new Failure('step_contract_broken', `wrote ${undeclared.join(', ')}, which the step does not declare (it writes ${step.writes.join(', ') || 'nothing'})`);
  }
  return output.patch;
}

/**
 * Every field a step reads must be given when the run is made or written by an earlier step:
 * otherwise it reads an empty value and nothing says so. Checked when a workflow is defined.
 */
export function dataFlowProblems(steps: readonly WorkflowStep[]): string[] {
  const available = new Set<ContextField>(GIVEN_FIELDS);
  const problems: string[] = [];
  for (const step of steps) {
    const missing = step.reads.filter((field) => !available.has(field));
    if (missing.length > 0) problems.push(`${step.name} reads ${missing.join(', ')}, which no earlier step writes`);
    for (const field of step.writes) available.add(field);
  }
  return problems;
}
