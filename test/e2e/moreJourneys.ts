import { JourneyStep } from './journeyStep';
import { mentoringJourneySteps } from './mentoringJourney';
import { pullRequestJourneySteps } from './pullRequestJourney';
import { dashboardJourneySteps } from './dashboardJourney';
import { siteJourneySteps } from './siteJourney';
import { governsJourneySteps } from './governsJourney';
import { workflowsJourneySteps } from './workflowsJourney';

/**
 * Journey steps of the other features, run in the same workbench after the
 * first step and before the empty-repository one, each feature's steps as one
 * block (the harness shuffles the blocks by the test order seed, so a block
 * must not depend on another). Each feature keeps its steps in its own file
 * and adds them here.
 */
export const moreJourneyBlocks: JourneyStep[][] = [
  mentoringJourneySteps,
  dashboardJourneySteps,
  pullRequestJourneySteps,
  siteJourneySteps,
  governsJourneySteps,
  workflowsJourneySteps,
];
export const moreJourneySteps: JourneyStep[] = moreJourneyBlocks.flat();
