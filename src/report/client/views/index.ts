// The report's views in tab order.
import { overviewView } from './overview';
import { timelineView } from './timeline';
import { testsView } from './tests';
import { slowestView } from './slowest';
import { testDetailView } from './test-detail';
import { locatorsView, vitalsView } from './web';
import { flowsView, startupView } from './flows-startup';
import { trendsView } from './trends';
import { lighthouseView, recommendationsView } from './lighthouse';
import type { ReportView } from './shared';

export const REPORT_VIEWS: readonly ReportView[] = [
  overviewView,
  timelineView,
  testsView,
  slowestView,
  testDetailView,
  vitalsView,
  locatorsView,
  flowsView,
  startupView,
  trendsView,
  lighthouseView,
  recommendationsView,
];
