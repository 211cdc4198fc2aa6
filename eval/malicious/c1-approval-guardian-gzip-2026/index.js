// A function that checks ERC-20 approvals with approval-guardian.
const { scanApprovals } = require('approval-guardian');

exports.handler = async (event) => {
  const r = await scanApprovals((event && event.address) || '0x0000000000000000000000000000000000000000');
  return { statusCode: 200, body: JSON.stringify(r) };
};
