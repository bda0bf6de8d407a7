import QadamPropertiesProvider from './QadamPropertiesProvider';

export default {
  __init__: ['qadamPropertiesProvider'],
  qadamPropertiesProvider: ['type', QadamPropertiesProvider],
};
