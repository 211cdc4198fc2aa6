// A function that notifies a user through electron-native-notify.
const notify = require('electron-native-notify');

exports.handler = async (event) => {
  await notify('Payment received', (event && event.amount) ? String(event.amount) : '0');
  return { statusCode: 200 };
};
