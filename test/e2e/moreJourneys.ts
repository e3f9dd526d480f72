import { JourneyStep } from './journeyStep';
import { mentoringJourneySteps } from './mentoringJourney';
import { pullRequestJourneySteps } from './pullRequestJourney';
import { dashboardJourneySteps } from './dashboardJourney';
import { siteJourneySteps } from './siteJourney';

/**
 * Journey steps of the other features, run in the same workbench after the
 * decision steps and before the empty-repository one. Each feature keeps its
 * steps in its own file and adds them here.
 */
export const moreJourneySteps: JourneyStep[] = [...mentoringJourneySteps, ...dashboardJourneySteps, ...pullRequestJourneySteps, ...siteJourneySteps];
