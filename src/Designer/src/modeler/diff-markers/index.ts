import DiffMarkers from './DiffMarkers';

export default {
  __init__: ['diffMarkers'],
  diffMarkers: ['type', DiffMarkers],
};
