import { JourneyStep } from './journeyStep';

/**
 * Journey steps of the other features, run in the same workbench after the
 * decision steps and before the empty-repository one. Each feature keeps its
 * steps in its own file and adds them here.
 */
export const moreJourneySteps: JourneyStep[] = [];
