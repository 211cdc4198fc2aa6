const shared = require('@ws/shared');
exports.handler = async () => ({ t: shared('1s') });
