import ProblemOverlays from './ProblemOverlays';

export default {
  __init__: ['problemOverlays'],
  problemOverlays: ['type', ProblemOverlays],
};
